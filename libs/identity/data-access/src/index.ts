export * from './user.repository';
export * from './identity-database';
