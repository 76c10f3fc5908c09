export * from './process-instance.entity';
export * from './process.activities';
