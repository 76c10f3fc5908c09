import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A municipality (Kommune) and the social space it belongs to. */
@Entity('municipality')
export class Municipality {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  code: string;

  @Column()
  name: string;

  /** A town (Stadt) or a municipality (Gemeinde). */
  @Column({ type: 'text', default: 'gemeinde' })
  kind: 'stadt' | 'gemeinde';

  @Column('uuid', { name: 'social_space_id' })
  socialSpaceId: string;
}
