import { z } from 'zod';
import { ROLES } from '@mg/shared-kernel';
import { DEFAULT_TIMEOUT_MS, getFromService, type ServiceLocation } from './service-request';

export const userSummarySchema = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  active: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

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

  /** @throws DomainError NOT_FOUND when no user has this id */
  getUser(id: string, authorization: string): Promise<UserSummary> {
    return getFromService(this.service, `/users/${encodeURIComponent(id)}`, userSummarySchema, {
      authorization,
      notFound: `No user has the id ${id}.`,
    });
  }
}
