import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A planning region (Planregion): the unit a regional coordinator is responsible for. */
@Entity('planning_region')
export class PlanningRegion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  code: string;

  @Column()
  name: string;
}
