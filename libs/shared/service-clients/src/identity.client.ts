import { z } from 'zod';
import { type Role, ROLES } from '@mg/shared-kernel';
import { DEFAULT_TIMEOUT_MS, getFromService, type ServiceLocation } from './service-request';

export const userSummarySchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  active: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

const userPageSchema = z.object({
  items: z.array(userSummarySchema),
  nextCursor: z.string().nullable(),
});

/** The identity service's users (readable by admins and project managers). */
export class IdentityClient {
  private readonly service;

  constructor(location: ServiceLocation) {
    this.service = {
      name: 'identity',
      baseUrl: location.baseUrl,
      timeoutMs: location.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  /**
   * Every user with this role (`GET /api/v1/users?role=`, all pages), e.g. the admins an
   * escalation notifies. Needs an admin's or a project manager's token, or a service token.
   */
  async listUsers(filter: { role: Role }, authorization: string): Promise<UserSummary[]> {
    const users: UserSummary[] = [];
    let cursor: string | null = null;
    do {
      const path = `/users?role=${filter.role}&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: UserSummary[]; nextCursor: string | null } = await getFromService(
        this.service,
        path,
        userPageSchema,
        { authorization, notFound: 'No user list.' },
      );
      users.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return users;
  }

  /** @throws DomainError NOT_FOUND when no user has this id */
  getUser(id: string, authorization: string): Promise<UserSummary> {
    return getFromService(this.service, `/users/${encodeURIComponent(id)}`, userSummarySchema, {
      authorization,
      notFound: `No user has the id ${id}.`,
    });
  }
}
