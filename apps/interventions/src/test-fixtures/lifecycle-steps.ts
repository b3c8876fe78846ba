import { type LightMyRequestResponse } from 'fastify';
import { type Role, ROLES } from '@mg/shared-kernel';
import { type TicketSummary } from '@mg/shared-service-clients';
import { type SignedInUser } from '@mg/shared-testing';
import { type InterventionsTestContext } from './interventions-test-harness';

/** A project's people, one of each role, all members (the admin too, though admins see all). */
export interface Team {
  projectId: string;
  admin: SignedInUser;
  pm: SignedInUser;
  developer: SignedInUser;
  support: SignedInUser;
  client: SignedInUser;
  /** Another developer of the project, who holds no billet. */
  otherDeveloper: SignedInUser;
  /** Every member by role, for the access matrix. */
  byRole: Record<Role, SignedInUser>;
}

export async function newTeam(context: InterventionsTestContext): Promise<Team> {
  const byRole = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await context.newUser(role)])),
  ) as Record<Role, SignedInUser>;
  const otherDeveloper = await context.newUser('DEVELOPER');
  const project = context.owners.addProject([
    ...Object.values(byRole).map((user) => user.id),
    otherDeveloper.id,
  ]);
  return {
    projectId: project.id,
    admin: byRole.ADMIN,
    pm: byRole.PROJECT_MANAGER,
    developer: byRole.DEVELOPER,
    support: byRole.SUPPORT,
    client: byRole.CLIENT,
    otherDeveloper,
    byRole,
  };
}

export const aBilletBody = (
  ticketId: string,
  developerId: string,
  overrides: Record<string, unknown> = {},
) => ({
  ticketId,
  developerId,
  type: 'FIX',
  estimatedHours: 2.5,
  instructions: 'Reproduce on staging first',
  ...overrides,
});

export const anInterventionBody = (billetId: string, overrides: Record<string, unknown> = {}) => ({
  billetId,
  actions: 'Rotated the expired API key in config.py',
  startedAt: '2026-11-25T08:00:00Z',
  endedAt: '2026-11-25T09:30:00Z',
  hoursSpent: 1.5,
  fixApplied: 'New key from the vault',
  filesChanged: 'config.py',
  ...overrides,
});

export const aReportBody = (interventionId: string, overrides: Record<string, unknown> = {}) => ({
  interventionId,
  initialProblem: 'Error 500 on payment',
  rootCause: 'Expired Stripe API key in production',
  solution: 'Rotated the key and added an expiry alert',
  ...overrides,
});

/** A refusal as the problem+json tells it: its status and stable code. */
export const refusal = (response: LightMyRequestResponse) => ({
  status: response.statusCode,
  code: response.json<{ code: string }>().code,
});

/** Answers the body of a 2xx, or fails the test with what came back instead. */
export function created<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  if (response.statusCode >= 300) {
    throw new Error(`expected a success, got ${response.statusCode} ${response.body}`);
  }
  return response.json<T>();
}

export interface Billet {
  id: string;
  number: string;
  ticketId: string;
  developerId: string;
}

export interface Intervention {
  id: string;
  billetId: string;
  warnings: string[];
}

export interface Report {
  id: string;
  authorId: string;
  validatedBy: string | null;
  validatedAt: string | null;
}

/** The steps through the API, each answering what was stored (or failing the test). */
export const steps = (context: InterventionsTestContext) => ({
  issue: async (
    by: SignedInUser,
    ticket: TicketSummary,
    developer: SignedInUser,
    overrides: Record<string, unknown> = {},
  ) =>
    created<Billet>(
      await context.call(
        by,
        'POST',
        '/api/v1/billets',
        aBilletBody(ticket.id, developer.id, overrides),
      ),
    ),
  record: async (by: SignedInUser, billetId: string, overrides: Record<string, unknown> = {}) =>
    created<Intervention>(
      await context.call(
        by,
        'POST',
        '/api/v1/interventions',
        anInterventionBody(billetId, overrides),
      ),
    ),
  submit: async (
    by: SignedInUser,
    interventionId: string,
    overrides: Record<string, unknown> = {},
  ) =>
    created<Report>(
      await context.call(by, 'POST', '/api/v1/reports', aReportBody(interventionId, overrides)),
    ),
  validate: async (by: SignedInUser, reportId: string) =>
    created<Report>(await context.call(by, 'POST', `/api/v1/reports/${reportId}/validate`, {})),
});

export interface WorkedTicket {
  ticket: TicketSummary;
  billet: Billet;
  intervention: Intervention;
  report: Report;
}

/** A ticket of the team's project, worked on up to `until`, with what each step stored. */
export function workedTicket(
  context: InterventionsTestContext,
  team: Team,
  until: 'billet',
): Promise<Pick<WorkedTicket, 'ticket' | 'billet'>>;
export function workedTicket(
  context: InterventionsTestContext,
  team: Team,
  until: 'intervention',
): Promise<Omit<WorkedTicket, 'report'>>;
export function workedTicket(
  context: InterventionsTestContext,
  team: Team,
  until: 'report',
): Promise<WorkedTicket>;
export async function workedTicket(
  context: InterventionsTestContext,
  team: Team,
  until: 'billet' | 'intervention' | 'report',
): Promise<Pick<WorkedTicket, 'ticket' | 'billet'> & Partial<WorkedTicket>> {
  const { issue, record, submit } = steps(context);
  const ticket = context.newTicket(team.projectId);
  const billet = await issue(team.pm, ticket, team.developer);
  if (until === 'billet') return { ticket, billet };
  const intervention = await record(team.developer, billet.id);
  if (until === 'intervention') return { ticket, billet, intervention };
  const report = await submit(team.developer, intervention.id);
  return { ticket, billet, intervention, report };
}
