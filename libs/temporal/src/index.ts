export * from './activities';
export * from './activity-failure.interceptor';
export * from './data-converter';
export * from './encryption.codec';
export * from './temporal-client.module';
export * from './ping.activities';
export * from './temporal-errors';
export * from './workflow-state.reader';
