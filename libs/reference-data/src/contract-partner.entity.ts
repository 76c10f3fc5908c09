import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SocialSpace } from './social-space.entity';

export const CONTRACT_PARTNER_KINDS = ['municipality', 'free_provider'] as const;
export type ContractPartnerKind = (typeof CONTRACT_PARTNER_KINDS)[number];

export interface PartnerContact {
  role: string;
  name?: string;
  email?: string;
  phone?: string;
}

/** A Sozialraumvertragspartner: a municipality or free provider that joined by accession declaration. */
@Entity('contract_partner')
export class ContractPartner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  code: string;

  @Column()
  name: string;

  @Column({ type: 'text' })
  kind: ContractPartnerKind;

  @Column({ name: 'accession_date', type: 'date' })
  accessionDate: string;

  @Column({ name: 'exit_date', type: 'date', nullable: true })
  exitDate: string | null;

  /** Why the partner left (given with the exit). */
  @Column({ name: 'exit_reason', type: 'text', nullable: true })
  exitReason: string | null;

  @ManyToMany(() => SocialSpace)
  @JoinTable({
    name: 'contract_partner_social_space',
    joinColumn: { name: 'contract_partner_id' },
    inverseJoinColumn: { name: 'social_space_id' },
  })
  socialSpaces: SocialSpace[];

  /** Contacts of the organisation (office, coordinator), not of clients. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: PartnerContact[];

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
