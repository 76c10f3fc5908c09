export * from './audit-context';
export * from './audit-event.entity';
export * from './audit.interceptor';
export * from './audit.module';
export * from './audit.service';
export * from './audited.decorator';
export * from './canonical';
