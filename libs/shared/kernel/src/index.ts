export * from './error-codes';
export * from './domain-error';
export * from './roles';
export * from './permissions';
export * from './clock';
