export * from './dashboard.service';
export * from './migration.service';
export * from './process-instance.entity';
export * from './process-instance.repository';
export * from './process.activities';
export * from './process-change.activities';
export * from './processes.module';
