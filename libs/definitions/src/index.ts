export * from './seed-specs';
export * from './spec.types';
export * from './spec.validator';
