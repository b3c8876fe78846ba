export * from './interventions-database';
export * from './interventions-transactions';
export * from './database-client';
export * from './list-position';
export { type WriteOnce } from './write-once';
export * from './billet.repository';
export * from './intervention.repository';
export * from './report.repository';
