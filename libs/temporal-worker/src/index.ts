export * from './workflow-bundle';
export * from './runtime';
