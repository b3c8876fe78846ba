import { z } from 'zod';
import { DomainError, type ServiceAccount } from '@mg/shared-kernel';
import { DEFAULT_TIMEOUT_MS } from './service-request';

const tokenResponseSchema = z.object({
  accessToken: z.string().min(1),
  expiresIn: z.number().int().positive(),
});

/** Renewed this long before it expires, so a token is never used at the edge of its life. */
const RENEW_BEFORE_MS = 30_000;

export interface ServiceTokenSourceOptions {
  identityUrl: string;
  service: ServiceAccount;
  /** Config `SERVICE_SECRET`, shared with identity. */
  secret: string;
  timeoutMs?: number;
}

/**
 * A service's own bearer token (`POST /api/v1/auth/service-token`), for reads made on nobody's
 * behalf (whom to notify of an escalation). Cached until shortly before it expires; concurrent
 * callers share one request.
 */
export class ServiceTokenSource {
  private current: { authorization: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly options: ServiceTokenSourceOptions) {}

  /** `Bearer <token>`, ready for an `Authorization` header. */
  async authorization(): Promise<string> {
    if (this.current && Date.now() < this.current.renewAt) return this.current.authorization;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const { identityUrl, service, secret, timeoutMs = DEFAULT_TIMEOUT_MS } = this.options;
    let response: Response;
    try {
      response = await fetch(new URL('/api/v1/auth/service-token', identityUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ service, secret }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw unavailable();
    }
    const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !parsed.success) throw unavailable(response.status);
    const authorization = `Bearer ${parsed.data.accessToken}`;
    const lifetimeMs = parsed.data.expiresIn * 1000;
    this.current = {
      authorization,
      renewAt: Date.now() + Math.max(lifetimeMs - RENEW_BEFORE_MS, lifetimeMs / 2),
    };
    return authorization;
  }
}

const unavailable = (status?: number) =>
  new DomainError(
    'SERVICE_UNAVAILABLE',
    `The identity service did not give this service a token${status ? ` (HTTP ${status})` : ''}.`,
  );
