export * from './problem';
export * from './problem.filter';
export * from './request-id.middleware';
export * from './validation';
export * from './logger';
export * from './json-depth';
export * from './rate-limit';
export * from './trace-request.middleware';
