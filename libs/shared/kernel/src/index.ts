export * from './error-codes';
export * from './domain-error';
export * from './roles';
export * from './permissions';
export * from './clock';
export * from './calendar';
export * from './sequence-number';
export * from './event-envelope';
