import { type UpstreamName } from '../upstreams/upstreams';

/** One forwarded path prefix: the prefix itself and everything below it. */
export interface ProxyRoute {
  prefix: string;
  upstream: UpstreamName;
}

/**
 * Which service owns which part of the API (SPEC §7). Paths are forwarded unchanged; a prefix
 * that is not listed here answers 404 from the console itself.
 */
export const PROXY_ROUTES: readonly ProxyRoute[] = [
  { prefix: '/api/v1/auth', upstream: 'identity' },
  { prefix: '/api/v1/me', upstream: 'identity' },
  { prefix: '/api/v1/users', upstream: 'identity' },
  { prefix: '/.well-known/jwks.json', upstream: 'identity' },
  { prefix: '/api/v1/projects', upstream: 'contracts' },
  { prefix: '/api/v1/contracts', upstream: 'contracts' },
  // Each service keeps its own audit trail; only contracts records one so far. When tickets and
  // interventions do too, this route will pick the owner from the `entityType` query.
  { prefix: '/api/v1/audit', upstream: 'contracts' },
  { prefix: '/api/v1/tickets', upstream: 'tickets' },
  { prefix: '/api/v1/stats', upstream: 'tickets' },
  { prefix: '/api/v1/billets', upstream: 'interventions' },
  { prefix: '/api/v1/interventions', upstream: 'interventions' },
  { prefix: '/api/v1/reports', upstream: 'interventions' },
];
