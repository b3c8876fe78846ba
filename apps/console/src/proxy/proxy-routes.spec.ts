import { auditUpstreamFor, PROXY_ROUTES } from './proxy-routes';

describe('the console route table', () => {
  it('gives each prefix exactly one owner', () => {
    const prefixes = PROXY_ROUTES.map((route) => route.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('forwards only the public API and the token keys', () => {
    for (const { prefix } of PROXY_ROUTES) {
      expect(prefix).toMatch(/^(\/api\/v1\/[a-z-]+|\/\.well-known\/jwks\.json)$/);
    }
  });
});

describe('the owner of an audit query', () => {
  it.each([
    [{ entityType: 'User', entityId: 'u1' }, 'identity'],
    [{ entityType: 'Project' }, 'contracts'],
    [{ entityType: 'Contract' }, 'contracts'],
    [{ entityType: 'Ticket' }, 'tickets'],
    [{ entityType: 'Billet' }, 'interventions'],
    [{ entityType: 'Intervention' }, 'interventions'],
    [{ entityType: 'TechnicalReport' }, 'interventions'],
    [{}, 'contracts'],
    [{ entityType: 'user' }, 'contracts'],
    [{ entityType: ['User', 'Project'] }, 'identity'],
  ] as const)('is picked from the entityType of %j: %s', (query, owner) => {
    expect(auditUpstreamFor(query)).toBe(owner);
  });
});
