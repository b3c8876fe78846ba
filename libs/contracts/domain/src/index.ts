export * from './contract.types';
export * from './contract-terms';
export * from './contract.schemas';
export * from './project.schemas';
export * from './contract-calendar';
export * from './contract-overlap';
