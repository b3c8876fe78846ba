import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { addDays, businessDay, daysBetween, isWithinInclusive } from '@mg/shared-kernel';
import { callerOf, HttpStub, sendJson } from '@mg/shared-testing';

export interface FakeProject {
  id: string;
  name: string;
  memberIds: string[];
}

export interface FakeContract {
  id: string;
  projectId: string;
  type: 'CORRECTIVE' | 'EVOLUTIVE';
  startDate: string;
  endDate: string;
  slaHours: number;
  resolutionHours: number | null;
}

/** Today's calendar day (UTC) moved by `days`, for contract dates relative to the real clock. */
export const dayFromToday = (days: number): string => addDays(businessDay(new Date()), days);

/**
 * Plays the contracts service for the tickets service under test, over real HTTP: the four reads
 * the tickets service makes, answered as the real one would for the caller the bearer token
 * names (its `sub` and `role`; the tickets service has verified the signature already). A
 * project the caller is not a member of, and its contracts, answer 404 unless they are an admin.
 * R3 `active`/`daysRemaining` are computed on today's UTC day. `goDown()` drops every connection.
 */
export class FakeContracts {
  private readonly projects = new Map<string, FakeProject>();
  private readonly contracts = new Map<string, FakeContract>();

  private constructor(private readonly stub: HttpStub) {}

  static async start(): Promise<FakeContracts> {
    // The server is up before the object answering through it, which exists before any request.
    const stub = await HttpStub.start((request, response) => fake.answer(request, response));
    const fake = new FakeContracts(stub);
    return fake;
  }

  get url(): string {
    return this.stub.url;
  }

  addProject(memberIds: readonly string[]): FakeProject {
    const project = {
      id: randomUUID(),
      name: `Project ${this.projects.size + 1}`,
      memberIds: [...memberIds],
    };
    this.projects.set(project.id, project);
    return project;
  }

  /** A contract active today (from 30 days ago to 300 days ahead) unless the dates say otherwise. */
  addContract(
    projectId: string,
    overrides: Partial<Omit<FakeContract, 'id' | 'projectId'>> = {},
  ): FakeContract {
    const contract: FakeContract = {
      id: randomUUID(),
      projectId,
      type: 'CORRECTIVE',
      startDate: dayFromToday(-30),
      endDate: dayFromToday(300),
      slaHours: 24,
      resolutionHours: null,
      ...overrides,
    };
    this.contracts.set(contract.id, contract);
    return contract;
  }

  goDown(): void {
    this.stub.goDown();
  }

  comeBack(): void {
    this.stub.comeBack();
  }

  stop(): Promise<void> {
    return this.stub.stop();
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const json = (status: number, body: unknown): void => sendJson(response, status, body);
    const caller = callerOf(request);
    if (!caller) return json(401, { code: 'UNAUTHENTICATED' });
    const sees = (projectId: string) => {
      const project = this.projects.get(projectId);
      return !!project && (caller.role === 'ADMIN' || project.memberIds.includes(caller.id));
    };
    const url = new URL(request.url ?? '/', this.url);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const page = (items: unknown[]) => json(200, { items, nextCursor: null });

    const project = /^\/projects\/([^/]+)$/.exec(path)?.[1];
    if (project !== undefined) {
      return sees(project)
        ? json(200, this.projects.get(project))
        : json(404, { code: 'NOT_FOUND' });
    }
    const contract = /^\/contracts\/([^/]+)$/.exec(path)?.[1];
    if (contract !== undefined) {
      const found = this.contracts.get(contract);
      return found && sees(found.projectId)
        ? json(200, present(found))
        : json(404, { code: 'NOT_FOUND' });
    }
    if (path === '/projects') return page([...this.projects.values()].filter((p) => sees(p.id)));
    if (path === '/contracts') {
      const projectId = url.searchParams.get('projectId');
      return page(
        [...this.contracts.values()]
          .filter((c) => sees(c.projectId) && (projectId === null || c.projectId === projectId))
          .map(present),
      );
    }
    json(404, { code: 'NOT_FOUND' });
  }
}

function present(contract: FakeContract) {
  const today = businessDay(new Date());
  return {
    ...contract,
    active: isWithinInclusive(today, contract.startDate, contract.endDate),
    daysRemaining: Math.max(0, daysBetween(today, contract.endDate)),
  };
}
