import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@sro/config';
import { AuditCheckpointer } from './audit-checkpointer';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditSettings } from './audit.settings';

/** The audit log service, available everywhere; checkpoints of its chain are written daily and at shutdown. */
@Global()
@Module({
  providers: [
    AuditRepository,
    AuditService,
    AuditCheckpointer,
    {
      provide: AuditSettings,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new AuditSettings(config.audit.chainKey, config.audit.checkpointDir, config.audit.checkpointIntervalMs),
    },
  ],
  exports: [AuditService, AuditRepository, AuditSettings],
})
export class AuditModule {}
