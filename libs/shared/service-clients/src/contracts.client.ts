import { z } from 'zod';
import { DEFAULT_TIMEOUT_MS, getFromService, type ServiceLocation } from './service-request';

/** What other services read of a project: tolerant of fields added later. */
export const projectSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  memberIds: z.array(z.uuid()),
});
export type ProjectSummary = z.infer<typeof projectSummarySchema>;

/** What other services read of a warranty contract (R3 `active` as the contracts service says). */
export const contractSummarySchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  type: z.enum(['CORRECTIVE', 'EVOLUTIVE']),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  slaHours: z.number(),
  resolutionHours: z.number().nullable(),
  active: z.boolean(),
  daysRemaining: z.int(),
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

const page = <Item extends z.ZodType>(item: Item) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Every page of a list, for the small lists it is used on (a caller's projects, contracts). */
const MAX_PAGES = 50;

/** The contracts service's projects and contracts, as the caller may see them. */
export class ContractsClient {
  private readonly service;

  constructor(location: ServiceLocation) {
    this.service = {
      name: 'contracts',
      baseUrl: location.baseUrl,
      timeoutMs: location.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  /** @throws DomainError NOT_FOUND when it does not exist or the caller is not a member */
  getProject(id: string, authorization: string): Promise<ProjectSummary> {
    return getFromService(
      this.service,
      `/projects/${encodeURIComponent(id)}`,
      projectSummarySchema,
      {
        authorization,
        notFound: `No project has the id ${id}.`,
      },
    );
  }

  /** @throws DomainError NOT_FOUND when it does not exist or its project is not the caller's */
  getContract(id: string, authorization: string): Promise<ContractSummary> {
    return getFromService(
      this.service,
      `/contracts/${encodeURIComponent(id)}`,
      contractSummarySchema,
      { authorization, notFound: `No contract has the id ${id}.` },
    );
  }

  /** The projects the caller belongs to (every project for an admin). */
  listProjects(authorization: string): Promise<ProjectSummary[]> {
    return this.all('/projects', projectSummarySchema, authorization);
  }

  /** The contracts of one project the caller may see. */
  listContracts(projectId: string, authorization: string): Promise<ContractSummary[]> {
    return this.all(
      `/contracts?projectId=${encodeURIComponent(projectId)}`,
      contractSummarySchema,
      authorization,
    );
  }

  private async all<Item extends z.ZodType>(
    path: string,
    item: Item,
    authorization: string,
  ): Promise<z.infer<Item>[]> {
    const items: z.infer<Item>[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const separator = path.includes('?') ? '&' : '?';
      const url = `${path}${separator}limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const answer: { items: z.infer<Item>[]; nextCursor: string | null } = await getFromService(
        this.service,
        url,
        page(item),
        { authorization, notFound: `Nothing at ${path}.` },
      );
      items.push(...answer.items);
      cursor = answer.nextCursor;
      if (cursor === null) break;
    }
    return items;
  }
}
