import { type z } from 'zod';
import { DomainError } from '@mg/shared-kernel';

export interface ServiceRequestOptions {
  /** The caller's own `Authorization` header: the owning service decides what they may see. */
  authorization: string;
  /** What the caller asked for, named in the 404 ("No ticket has the id …"). */
  notFound: string;
}

/**
 * One GET to another service's REST API (SPEC §3: no service reads another's database). The
 * owner's answers keep their meaning: 404 is the caller's NOT_FOUND (it does not exist, or the
 * caller may not see it); anything else that is not a 2xx, or no answer at all, is the
 * owner being unavailable, never the caller's fault.
 */
export async function getFromService<Schema extends z.ZodType>(
  service: { name: string; baseUrl: string; timeoutMs: number },
  path: string,
  schema: Schema,
  { authorization, notFound }: ServiceRequestOptions,
): Promise<z.infer<Schema>> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1${path}`, service.baseUrl), {
      headers: { authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(service.timeoutMs),
    });
  } catch {
    throw unavailable(service.name);
  }
  if (response.status === 404) throw new DomainError('NOT_FOUND', notFound);
  if (!response.ok) throw unavailable(service.name, response.status);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw unavailable(service.name, response.status);
  return parsed.data;
}

const unavailable = (name: string, status?: number) =>
  new DomainError(
    'SERVICE_UNAVAILABLE',
    `The ${name} service cannot answer now${status ? ` (HTTP ${status})` : ''}.`,
  );

/** Where a service listens, and how long its answers may take. */
export interface ServiceLocation {
  baseUrl: string;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 3_000;
