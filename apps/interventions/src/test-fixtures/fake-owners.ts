import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type ProjectSummary, type TicketSummary } from '@mg/shared-service-clients';
import { type TicketStepInput } from '@mg/ticket-lifecycle-workflow';
import { callerOf } from './fake-identity';

type Route = (
  request: IncomingMessage,
  caller: { id: string; role: string },
) => { status: number; body: unknown };

/** One owning service played over real HTTP: 401 without a token, else what `route` answers. */
async function startStub(route: Route): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const caller = callerOf(request);
    const { status, body } = caller
      ? route(request, caller)
      : { status: 401, body: { code: 'UNAUTHENTICATED' } };
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    private readonly contractsServer: Server,
    private readonly ticketsServer: Server,
  ) {}

  static async start(): Promise<FakeOwners> {
    // The servers exist before the object answering through them: bound once both are up.
    const routes: { contracts?: Route; tickets?: Route } = {};
    const contracts = await startStub((...args) => routes.contracts?.(...args) ?? notFound);
    const tickets = await startStub((...args) => routes.tickets?.(...args) ?? notFound);
    const owners = new FakeOwners(contracts, tickets);
    routes.contracts = (request, caller) => owners.answerContracts(request, caller);
    routes.tickets = (request, caller) => owners.answerTickets(request, caller);
    return owners;
  }

  get contractsUrl(): string {
    return urlOf(this.contractsServer);
  }

  get ticketsUrl(): string {
    return urlOf(this.ticketsServer);
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
    for (const server of [this.contractsServer, this.ticketsServer]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private visibleProject(id: string, caller: { id: string; role: string }) {
    const project = this.projects.get(id);
    return project && (caller.role === 'ADMIN' || project.memberIds.includes(caller.id))
      ? project
      : undefined;
  }

  private answerContracts(request: IncomingMessage, caller: { id: string; role: string }) {
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

  private answerTickets(request: IncomingMessage, caller: { id: string; role: string }) {
    const { pathname } = new URL(request.url ?? '/', 'http://stub');
    const id = /^\/api\/v1\/tickets\/([^/]+)$/.exec(pathname)?.[1];
    const ticket = id ? this.tickets.get(decodeURIComponent(id)) : undefined;
    return ticket && this.visibleProject(ticket.projectId, caller)
      ? { status: 200, body: ticket }
      : notFound;
  }
}
