export * from './user.repository';
export * from './identity-database';
export * from './identity-transactions';
