import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A social space (Sozialraum) inside a planning region. */
@Entity('social_space')
export class SocialSpace {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  code: string;

  @Column()
  name: string;

  @Column('uuid', { name: 'planning_region_id' })
  planningRegionId: string;
}
