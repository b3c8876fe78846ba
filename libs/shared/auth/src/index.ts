export * from './route-access.decorators';
export * from './authenticated-user';
export * from './token-verifier';
export * from './access.guard';
export * from './current-user.decorator';
export * from './auth.module';
export * from './unguarded-routes';
export * from './caller.controller';
