export * from './user';
export * from './user.schemas';
export * from './user-page';
export * from './demo-users';
