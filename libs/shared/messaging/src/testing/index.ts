/** `@mg/shared-messaging/testing`: a real JetStream consumer for integration tests. */
export * from './event-collector';
