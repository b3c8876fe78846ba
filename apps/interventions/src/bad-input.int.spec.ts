import { type InjectOptions } from 'fastify';
import {
  type InterventionsTestContext,
  startInterventionsService,
} from './test-fixtures/interventions-test-harness';
import {
  aBilletBody,
  anInterventionBody,
  aReportBody,
  newTeam,
  type Team,
  type WorkedTicket,
  workedTicket,
} from './test-fixtures/lifecycle-steps';

// A throw-away database, the workflow bundle and three workers come first.
jest.setTimeout(90_000);

let context: InterventionsTestContext;
let team: Team;
let worked: WorkedTicket;

beforeAll(async () => {
  context = await startInterventionsService('interventions_bad_input');
  team = await newTeam(context);
  worked = await workedTicket(context, team, 'report');
});

afterAll(async () => {
  await context?.dispose();
});

interface BadRequest {
  method: InjectOptions['method'];
  url: string;
  /** A raw string is sent as it is, as application/json. */
  payload?: unknown;
  headers?: Record<string, string>;
}

const send = ({ method, url, payload, headers = {} }: BadRequest) =>
  context.http.inject({
    method,
    url: `/api/v1${url}`,
    headers: {
      authorization: team.admin.authorization,
      'content-type': 'application/json',
      ...headers,
    },
    ...(payload === undefined
      ? {}
      : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
  });

const long = 'x'.repeat(10_001);

/** Requests no rule accepts, by route; each must be a 400 problem, never a 5xx. */
const malformed = (): Record<string, BadRequest[]> => ({
  'POST /billets': [
    { method: 'POST', url: '/billets', payload: '{"ticketId":' },
    { method: 'POST', url: '/billets', payload: '[]' },
    { method: 'POST', url: '/billets', payload: {} },
    {
      method: 'POST',
      url: '/billets',
      payload: { ...aBilletBody('not-a-uuid', team.developer.id) },
    },
    {
      method: 'POST',
      url: '/billets',
      payload: aBilletBody(worked.ticket.id, team.developer.id, { estimatedHours: '2' }),
    },
    {
      method: 'POST',
      url: '/billets',
      payload: aBilletBody(worked.ticket.id, team.developer.id, { estimatedHours: 1e308 }),
    },
    {
      method: 'POST',
      url: '/billets',
      payload: aBilletBody(worked.ticket.id, team.developer.id, { type: 'REWRITE' }),
    },
    {
      method: 'POST',
      url: '/billets',
      payload: aBilletBody(worked.ticket.id, team.developer.id, { instructions: long }),
    },
    {
      method: 'POST',
      url: '/billets',
      payload: aBilletBody(worked.ticket.id, team.developer.id, { number: 'BILLET-00001' }),
    },
    {
      method: 'POST',
      url: '/billets',
      payload: aBilletBody(worked.ticket.id, team.developer.id),
      headers: { 'idempotency-key': 'has spaces in it' },
    },
  ],
  'POST /interventions': [
    {
      method: 'POST',
      url: '/interventions',
      payload: anInterventionBody(worked.billet.id, { startedAt: 'yesterday' }),
    },
    {
      method: 'POST',
      url: '/interventions',
      payload: anInterventionBody(worked.billet.id, { hoursSpent: 'NaN' }),
    },
    {
      method: 'POST',
      url: '/interventions',
      payload: anInterventionBody(worked.billet.id, { actions: '' }),
    },
    {
      method: 'POST',
      url: '/interventions',
      payload: { ...anInterventionBody(worked.billet.id), billetId: undefined },
    },
    { method: 'POST', url: '/interventions', payload: 'null' },
  ],
  'POST /reports': [
    {
      method: 'POST',
      url: '/reports',
      payload: aReportBody(worked.intervention.id, { rootCause: '   ' }),
    },
    {
      method: 'POST',
      url: '/reports',
      payload: aReportBody(worked.intervention.id, { solution: 42 }),
    },
    {
      method: 'POST',
      url: '/reports',
      payload: aReportBody(worked.intervention.id, { validatedBy: team.pm.id }),
    },
    { method: 'POST', url: '/reports', payload: aReportBody('42') },
  ],
  'POST /reports/:id/validate': [
    {
      method: 'POST',
      url: `/reports/${worked.report.id}/validate`,
      payload: { validatedBy: team.pm.id },
    },
    { method: 'POST', url: `/reports/${worked.report.id}/validate`, payload: '{' },
  ],
  'GET lists': [
    { method: 'GET', url: '/billets' },
    { method: 'GET', url: '/billets?ticketId=42' },
    { method: 'GET', url: `/billets?ticketId=${worked.ticket.id}&limit=0` },
    { method: 'GET', url: `/billets?ticketId=${worked.ticket.id}&limit=1000` },
    { method: 'GET', url: `/billets?ticketId=${worked.ticket.id}&cursor=not-ours` },
    { method: 'GET', url: `/interventions?billetId=${worked.billet.id}&cursor=eyJ4IjoxfQ` },
    { method: 'GET', url: '/interventions' },
    { method: 'GET', url: `/reports?ticketId=${worked.ticket.id}&unknown=1` },
  ],
});

describe('bad input is a 400 problem, never a 5xx (SPEC §7)', () => {
  it.each([
    'POST /billets',
    'POST /interventions',
    'POST /reports',
    'POST /reports/:id/validate',
    'GET lists',
  ])('answers 400 problem+json to every malformed %s', async (route) => {
    const requests = malformed()[route] ?? [];
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      const response = await send(request);
      const outcome = `${request.method} ${request.url} ${JSON.stringify(request.payload)?.slice(0, 80)}`;
      expect({ outcome, status: response.statusCode }).toEqual({ outcome, status: 400 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 400,
        code: expect.stringMatching(/^(VALIDATION_FAILED|MALFORMED_REQUEST)$/),
      });
    }
  });

  it('answers 404, not 400 or 500, to ids that are not even UUIDs', async () => {
    for (const url of ['/billets/42', '/interventions/x', '/reports/%20', '/reports/42/validate']) {
      const response = await send({
        method: url.endsWith('validate') ? 'POST' : 'GET',
        url,
        payload: url.endsWith('validate') ? {} : undefined,
      });
      expect(`${url} → ${response.statusCode}`).toBe(`${url} → 404`);
    }
  });
});
