import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '@sro/common';

/** The staff lookups the Fallteam needs: who may moderate, who is an external adviser. */
@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Of the given user ids, those of active users holding at least one of the roles. */
  async activeWithAnyRole(userIds: string[], roles: Role[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM app_user WHERE id = ANY($1) AND active AND roles && $2::text[]`,
      [userIds, roles],
    );
    return rows.map((r) => r.id);
  }
}
