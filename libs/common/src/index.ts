export * from './domain-error';
export * from './json-pointer';
export * from './principal';
export * from './micro-batcher';
export * from './aes-gcm';
export * from './sealed-field';
export * from './german-format';
