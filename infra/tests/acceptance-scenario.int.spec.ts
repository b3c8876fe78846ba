import { RunningSystem } from './support/running-system';

// The acceptance scenario of the design document (SPEC §4, §7, §10), step by step through the
// console as a user would drive it: contract, ticket, billet, intervention, report, validation,
// closure; then a ticket out of warranty and one on an expired contract. The same checks as the
// shared acceptance script, so `npm test` fails whenever that script would.

jest.setTimeout(120_000);

let system: RunningSystem;
const tokens: Record<'admin' | 'pm' | 'dev' | 'support', string> = {
  admin: '',
  pm: '',
  dev: '',
  support: '',
};
const ids: Record<string, string> = {};

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const call = (who: keyof typeof tokens, method: string, path: string, body?: unknown) =>
  system.api(method, path, { token: tokens[who], body });

beforeAll(async () => {
  system = await RunningSystem.start();
  tokens.admin = await system.token('admin@demo.local');
  tokens.pm = await system.token('pm@demo.local');
  tokens.dev = await system.token('jean.dupont@demo.local');
  tokens.support = await system.token('support@demo.local');
  for (const who of ['pm', 'dev', 'support'] as const) {
    ids[who] = (await call(who, 'GET', '/me')).body.id;
  }
});

afterAll(async () => {
  await system?.stop();
});

describe('the acceptance scenario, through the console', () => {
  it('creates a project with the PM, the developer and support as members', async () => {
    const project = await call('pm', 'POST', '/projects', {
      name: `Application E-Commerce ${Date.now()}`,
      client: 'Acceptance',
      memberIds: [ids.pm, ids.dev, ids.support],
    });
    expect(project.status).toBe(201);
    ids.project = project.body.id;
  });

  it('step 1: records an active warranty contract with 355 days remaining', async () => {
    const contract = await call('pm', 'POST', '/contracts', {
      projectId: ids.project,
      type: 'CORRECTIVE',
      startDate: isoDay(-10),
      endDate: isoDay(355),
      slaHours: 24,
      coverage: 'Correction bugs bloquants et critiques',
      exclusions: 'Nouvelles fonctionnalités, modifications de design',
    });
    expect(contract.status).toBe(201);
    expect(contract.body).toMatchObject({ active: true, daysRemaining: 355 });
    ids.contract = contract.body.id;
  });

  it('step 2: opens a covered, processable ticket numbered MAINT-nnnnn', async () => {
    const ticket = await call('support', 'POST', '/tickets', {
      projectId: ids.project,
      contractId: ids.contract,
      title: 'Erreur paiement CB',
      description: 'Les utilisateurs reçoivent une erreur 500 lors du paiement par carte.',
      severity: 'CRITICAL',
      origin: 'CLIENT',
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body.number).toMatch(/^MAINT-\d{5,}$/);
    expect(ticket.body).toMatchObject({ billable: false, processable: true, status: 'OPEN' });
    ids.ticket = ticket.body.id;
  });

  it('refuses to close the ticket before any report (409)', async () => {
    expect((await call('pm', 'POST', `/tickets/${ids.ticket}/close`, {})).status).toBe(409);
  });

  it('step 3: refuses a billet from a developer (403), issues one from the PM', async () => {
    const billet = {
      ticketId: ids.ticket,
      developerId: ids.dev,
      type: 'ANALYSIS',
      estimatedHours: 2,
    };
    expect((await call('dev', 'POST', '/billets', billet)).status).toBe(403);
    const issued = await call('pm', 'POST', '/billets', {
      ...billet,
      instructions: 'Analyser les logs de production',
    });
    expect(issued.status).toBe(201);
    expect(issued.body.number).toMatch(/^BILLET-\d{5,}$/);
    ids.billet = issued.body.id;
    const ticket = await call('pm', 'GET', `/tickets/${ids.ticket}`);
    expect(ticket.body).toMatchObject({ status: 'IN_PROGRESS', assigneeId: ids.dev });
  });

  it('step 4: records the intervention without an overrun warning', async () => {
    const intervention = await call('dev', 'POST', '/interventions', {
      billetId: ids.billet,
      actions: '1. Analyse des logs Stripe\n2. Clé API expirée\n3. Mise à jour\n4. Tests',
      startedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      endedAt: new Date(Date.now() - 0.5 * 3_600_000).toISOString(),
      hoursSpent: 1.5,
      fixApplied: 'Mise à jour API_KEY dans config/payment.py',
      filesChanged: 'config/payment.py',
    });
    expect(intervention.status).toBe(201);
    expect(intervention.body.warnings ?? []).not.toContain('TIME_OVERRUN');
    ids.intervention = intervention.body.id;
  });

  it('step 5: takes the report from the developer, who may not validate it (403)', async () => {
    const report = await call('dev', 'POST', '/reports', {
      interventionId: ids.intervention,
      initialProblem: 'Erreur 500 lors du paiement par CB',
      rootCause: 'Clé API Stripe expirée (rotation automatique non configurée)',
      solution: 'Mise à jour manuelle de la clé API + configuration alerte',
      systemImpact: 'Module paiement uniquement',
      futureRisks: "Risque de récurrence si pas d'automatisation",
      recommendations: '1. Automatiser la rotation des clés API',
    });
    expect(report.status).toBe(201);
    ids.report = report.body.id;
    expect((await call('dev', 'POST', `/reports/${ids.report}/validate`, {})).status).toBe(403);
  });

  it('step 6: the PM validates (ticket RESOLVED), then closes (CLOSED)', async () => {
    const validated = await call('pm', 'POST', `/reports/${ids.report}/validate`, {});
    expect([200, 201]).toContain(validated.status);
    expect((await call('pm', 'GET', `/tickets/${ids.ticket}`)).body.status).toBe('RESOLVED');
    const closed = await call('pm', 'POST', `/tickets/${ids.ticket}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('CLOSED');
  });

  it('lists every step in the history, closure last', async () => {
    const history = await call('pm', 'GET', `/tickets/${ids.ticket}/history`);
    expect(history.status).toBe(200);
    const entries: unknown[] = history.body.items;
    expect(entries.length).toBeGreaterThanOrEqual(5);
    const text = JSON.stringify(entries).toLowerCase();
    for (const word of ['billet', 'intervention', 'report', 'validat', 'close']) {
      expect(text).toContain(word);
    }
    expect(JSON.stringify(entries.at(-1)).toLowerCase()).toContain('close');
  });

  it('case 2: a ticket without contract is billable, gets no billet, and is rejected', async () => {
    const paid = await call('support', 'POST', '/tickets', {
      projectId: ids.project,
      title: 'Nouvelle fonctionnalité demandée',
      description: 'Export PDF des commandes',
      severity: 'MINOR',
      origin: 'CLIENT',
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ billable: true, processable: false });
    const billet = await call('pm', 'POST', '/billets', {
      ticketId: paid.body.id,
      developerId: ids.dev,
      type: 'ANALYSIS',
      estimatedHours: 1,
    });
    expect(billet.status).toBe(422);
    expect(billet.body.code).toBe('TICKET_NOT_PROCESSABLE');
    const rejected = await call('pm', 'POST', `/tickets/${paid.body.id}/reject`, {
      reason: 'Hors garantie - Devis nécessaire',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('REJECTED');
  });

  it('an expired contract makes a ticket billable with the reason', async () => {
    const old = await call('pm', 'POST', '/contracts', {
      projectId: ids.project,
      type: 'EVOLUTIVE',
      startDate: isoDay(-200),
      endDate: isoDay(-20),
      slaHours: 48,
      coverage: 'Évolutions mineures',
    });
    expect(old.status).toBe(201);
    expect(old.body).toMatchObject({ active: false, daysRemaining: 0 });
    const late = await call('support', 'POST', '/tickets', {
      projectId: ids.project,
      contractId: old.body.id,
      title: 'Lenteur recherche',
      description: 'La recherche prend 8 s.',
      severity: 'MAJOR',
      origin: 'MONITORING',
    });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({
      billable: true,
      rejectionReason: 'Warranty contract expired',
    });
  });

  it('answers the project statistics, and bad input with 400 problem+json', async () => {
    expect((await call('admin', 'GET', `/stats?projectId=${ids.project}`)).status).toBe(200);
    const bad = await call('pm', 'POST', '/contracts', {
      projectId: ids.project,
      type: 'CORRECTIVE',
      startDate: 'soon',
      slaHours: -1,
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('problem+json');
  });
});
