export * from './contracts-database';
export * from './contracts-transactions';
export * from './database-client';
export * from './list-position';
export * from './project.repository';
export * from './contract.repository';
