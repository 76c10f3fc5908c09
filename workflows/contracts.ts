/**
 * Every workflow contract in one import (`@sro/workflows/contracts`) for the API and the libs. Each
 * workflow defines its own in `<name>/contract.ts`; what they share is in `shared/contract.ts`.
 */
export * from './shared/contract';
export * from './ping/contract';
export * from './sozialraum-development/contract';
export * from './fallteam-consultation/contract';
export * from './partner-interview-cycle/contract';
export * from './cooperation-agreement/contract';
export * from './jugendhilfedienst-case/contract';
export * from './case-retention/contract';
export * from './bench/contract';
export * from './probe/contract';
