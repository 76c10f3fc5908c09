export * from './agreement.activities';
export * from './agreement-change.activities';
export * from './agreement.entity';
export * from './agreement.repository';
export * from './agreement.service';
export * from './agreements.module';
