/**
 * `@mg/shared-service-clients`: typed reads of another service's REST API with the caller's own
 * token, so the owning service keeps deciding what the caller may see (SPEC §3, §5).
 */
export * from './contracts.client';
export * from './identity.client';
export * from './service-request';
export * from './service-token.source';
export * from './tickets.client';
