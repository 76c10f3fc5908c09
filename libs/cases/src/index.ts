export * from './case.service';
export * from './case.types';
export * from './cases.module';
export * from './consultation.activities';
export * from './consultation.service';
export * from './field-cipher';
