import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log service, available everywhere. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
