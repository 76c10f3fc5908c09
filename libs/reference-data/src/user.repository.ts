import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppUser } from './app-user.entity';

/** All SQL of the `app_user` table (reminder delivery resolves its recipients inside its own transaction). */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A user, active or not. */
  async findById(id: string): Promise<AppUser | null> {
    return this.dataSource.getRepository(AppUser).findOneBy({ id });
  }

  /** A user who is still active; null for one who left. */
  async findActive(id: string): Promise<AppUser | null> {
    return this.dataSource.getRepository(AppUser).findOneBy({ id, active: true });
  }
}
