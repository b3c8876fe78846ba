import { type UpstreamName } from '../upstreams/upstreams';

/** The query string of a forwarded request, as Fastify parses it. */
export type ProxyQuery = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * One forwarded path prefix: the prefix itself and everything below it. Its owner is one service
 * (`upstream`), or picked per request from the query (`upstreamFor`) when several services each
 * own a part of it.
 */
export type ProxyRoute =
  | { prefix: string; upstream: UpstreamName }
  | { prefix: string; upstreamFor: (query: ProxyQuery) => UpstreamName };

/** The `entityType`s whose audit trail is kept by a service other than contracts. */
const AUDIT_OWNERS: Readonly<Record<string, UpstreamName>> = {
  User: 'identity',
  Ticket: 'tickets',
  Billet: 'interventions',
  Intervention: 'interventions',
  TechnicalReport: 'interventions',
};

/**
 * Each service keeps its own audit trail (SPEC §7), so `GET /api/v1/audit` goes to the service
 * owning the `entityType` asked for: `User` → identity; `Ticket` → tickets; `Billet`,
 * `Intervention`, `TechnicalReport` → interventions; anything else (Project, Contract, or none
 * given) → contracts. A repeated `entityType` is judged by its first value, as the services'
 * query parsing is not guaranteed to agree on arrays: the upstream then validates it.
 */
export function auditUpstreamFor(query: ProxyQuery): UpstreamName {
  const value = query['entityType'];
  const entityType = typeof value === 'string' ? value : value?.[0];
  return (entityType !== undefined && AUDIT_OWNERS[entityType]) || 'contracts';
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
  // Each service keeps its own audit trail: the owner is picked from the `entityType` query.
  { prefix: '/api/v1/audit', upstreamFor: auditUpstreamFor },
  { prefix: '/api/v1/tickets', upstream: 'tickets' },
  { prefix: '/api/v1/stats', upstream: 'tickets' },
  { prefix: '/api/v1/billets', upstream: 'interventions' },
  { prefix: '/api/v1/interventions', upstream: 'interventions' },
  { prefix: '/api/v1/reports', upstream: 'interventions' },
];
