export * from './auth.guard';
export * from './auth.module';
export * from './decorators';
export * from './dev-token';
export * from './token-verifier';
export * from './user-directory';
