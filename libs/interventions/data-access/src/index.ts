export * from './interventions-database';
export * from './interventions-transactions';
export * from './database-client';
export * from './billet.repository';
export * from './intervention.repository';
export * from './report.repository';
