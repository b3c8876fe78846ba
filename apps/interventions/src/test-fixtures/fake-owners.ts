import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { type ProjectSummary, type TicketSummary } from '@mg/shared-service-clients';
import { callerOf, HttpStub, sendJson, type TestUser } from '@mg/shared-testing';
import { type TicketStepInput } from '@mg/ticket-lifecycle-workflow';

type Route = (request: IncomingMessage, caller: TestUser) => { status: number; body: unknown };

/** One owning service played over real HTTP: 401 without a token, else what `route` answers. */
const startStub = (route: Route): Promise<HttpStub> =>
  HttpStub.start((request, response) => {
    const caller = callerOf(request);
    const { status, body } = caller
      ? route(request, caller)
      : { status: 401, body: { code: 'UNAUTHENTICATED' } };
    sendJson(response, status, body);
  });

const notFound = { status: 404, body: { code: 'NOT_FOUND' } };

/**
 * Plays the contracts service (`GET /api/v1/projects/:id`, `GET /api/v1/projects`) and the
 * tickets service (`GET /api/v1/tickets/:id`) for the service under test, over real HTTP, with
 * SPEC §5 membership: a project, and its tickets, answer 404 to anyone but its members and
 * admins, as the real services do. Ticket statuses follow the steps the workflow records
 * (`applyStep`), like the tickets service's own activity.
 */
export class FakeOwners {
  private readonly projects = new Map<string, ProjectSummary>();
  private readonly tickets = new Map<string, TicketSummary>();
  private numbers = 0;

  private constructor(
    private readonly contractsStub: HttpStub,
    private readonly ticketsStub: HttpStub,
  ) {}

  static async start(): Promise<FakeOwners> {
    // The servers are up before the object answering through them, which exists before any
    // request.
    const contracts = await startStub((...args) => owners.answerContracts(...args));
    const tickets = await startStub((...args) => owners.answerTickets(...args));
    const owners = new FakeOwners(contracts, tickets);
    return owners;
  }

  get contractsUrl(): string {
    return this.contractsStub.url;
  }

  get ticketsUrl(): string {
    return this.ticketsStub.url;
  }

  addProject(memberIds: string[]): ProjectSummary {
    const project = { id: randomUUID(), name: `Project ${this.projects.size + 1}`, memberIds };
    this.projects.set(project.id, project);
    return project;
  }

  /** A new OPEN, covered ticket of the project (numbers unique on the shared Temporal server). */
  addTicket(projectId: string, overrides: Partial<TicketSummary> = {}): TicketSummary {
    const ticket: TicketSummary = {
      id: randomUUID(),
      number: `MAINT-TEST-${randomUUID().slice(0, 8)}-${String((this.numbers += 1)).padStart(5, '0')}`,
      projectId,
      status: 'OPEN',
      billable: false,
      processable: true,
      rejectionReason: null,
      assigneeId: null,
      ...overrides,
    };
    this.tickets.set(ticket.id, ticket);
    return ticket;
  }

  ticket(id: string): TicketSummary | undefined {
    return this.tickets.get(id);
  }

  /** What the tickets service's `recordTicketStep` does to the ticket row: mirror the lifecycle. */
  applyStep(step: TicketStepInput): void {
    const ticket = this.tickets.get(step.ticketId);
    if (!ticket) return;
    const { status, billable, rejectionReason, assigneeId } = step.lifecycle;
    this.tickets.set(ticket.id, {
      ...ticket,
      status,
      rejectionReason,
      assigneeId,
      processable: !billable && status !== 'REJECTED' && status !== 'CLOSED',
    });
  }

  async stop(): Promise<void> {
    await this.contractsStub.stop();
    await this.ticketsStub.stop();
  }

  private visibleProject(id: string, caller: TestUser) {
    const project = this.projects.get(id);
    return project && (caller.role === 'ADMIN' || project.memberIds.includes(caller.id))
      ? project
      : undefined;
  }

  private answerContracts(request: IncomingMessage, caller: TestUser) {
    const url = new URL(request.url ?? '/', 'http://stub');
    if (url.pathname === '/api/v1/projects') {
      const items = [...this.projects.values()].filter((project) =>
        this.visibleProject(project.id, caller),
      );
      return { status: 200, body: { items, nextCursor: null } };
    }
    const id = /^\/api\/v1\/projects\/([^/]+)$/.exec(url.pathname)?.[1];
    const project = id ? this.visibleProject(decodeURIComponent(id), caller) : undefined;
    return project ? { status: 200, body: project } : notFound;
  }

  private answerTickets(request: IncomingMessage, caller: TestUser) {
    const { pathname } = new URL(request.url ?? '/', 'http://stub');
    const id = /^\/api\/v1\/tickets\/([^/]+)$/.exec(pathname)?.[1];
    const ticket = id ? this.tickets.get(decodeURIComponent(id)) : undefined;
    return ticket && this.visibleProject(ticket.projectId, caller)
      ? { status: 200, body: ticket }
      : notFound;
  }
}
