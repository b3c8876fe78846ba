export * from './intervention.types';
export * from './billet-number';
export { MAX_INTERVENTION_HOURS } from './schema-parts';
export * from './billet.schema';
export * from './intervention.schema';
export * from './report.schema';
export * from './billet-rules';
export * from './intervention-rules';
export * from './report-rules';
