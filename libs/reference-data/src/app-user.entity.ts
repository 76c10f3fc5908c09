import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How a user came to exist: demo seed, an admin, or the first sign-in of a new token subject. */
export type ProvisionedBy = 'seed' | 'admin' | 'jit';

/**
 * A person who signs in (staff, external advisers, approvers). The id is the token subject (`sub`).
 * Roles, assignments (planning regions, social spaces) and the team come from here; a token's roles
 * claim only seeds the roles of a user created at their first sign-in.
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

  /** The ASD-Team or Regionalteam the person works in. */
  @Column('uuid', { name: 'team_id', nullable: true })
  teamId: string | null;

  /** External advisers: the organisation they come from. */
  @Column({ type: 'text', nullable: true })
  organisation: string | null;

  /** External advisers: their fields of expertise. */
  @Column('text', { array: true, default: () => "'{}'" })
  expertise: string[];

  @Column({ name: 'provisioned_by', type: 'text', default: 'admin' })
  provisionedBy: ProvisionedBy;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
