import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person who signs in. The id is the token subject (`sub`); roles come from the token, the
 * assignments (planning regions, social spaces) from here.
 */
@Entity('app_user')
export class AppUser {
  @PrimaryColumn()
  id: string;

  @Column({ name: 'display_name' })
  displayName: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column('text', { array: true })
  roles: string[];

  @Column('uuid', { name: 'planning_region_ids', array: true, default: () => "'{}'" })
  planningRegionIds: string[];

  @Column('uuid', { name: 'social_space_ids', array: true, default: () => "'{}'" })
  socialSpaceIds: string[];

  @Column({ default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
