import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The audit log for admins (AuditService comes from the global AuditModule). */
@Module({
  controllers: [AuditController],
})
export class AuditApiModule {}
