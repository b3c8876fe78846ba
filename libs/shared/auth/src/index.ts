export * from './route-access.decorators';
