import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TEAM_KINDS = ['asd_team', 'regional_team'] as const;
/** ASD-Team (Jugendhilfedienst) or Regionalteam. */
export type TeamKind = (typeof TEAM_KINDS)[number];

/** A team of staff with its lead (Leitung); a user belongs to at most one team. */
@Entity('team')
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  name: string;

  @Column({ type: 'text' })
  kind: TeamKind;

  @Column('uuid', { name: 'planning_region_id', nullable: true })
  planningRegionId: string | null;

  /** The user who leads the team (holds the `lead` role). */
  @Column({ name: 'lead_id', type: 'text', nullable: true })
  leadId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
