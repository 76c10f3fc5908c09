export * from './checksum';
export * from './definitions.service';
export * from './seed-specs';
export * from './spec.diff';
export * from './spec.types';
export * from './spec.validator';
export * from './workflow-definition.entity';
export * from './definitions.module';
