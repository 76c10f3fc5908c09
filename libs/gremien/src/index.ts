export * from './gremien.demo';
export * from './gremien.module';
export * from './gremien.repository';
export * from './gremien.service';
export * from './gremien.types';
export * from './provider-network.repository';
export * from './provider-network.service';
