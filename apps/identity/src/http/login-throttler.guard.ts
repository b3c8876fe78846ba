import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError } from '@mg/shared-kernel';

/**
 * Limits token requests per client address and email, so guessing one account's password is
 * slowed down without one noisy address locking everyone else out.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request['body'] as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return Promise.resolve(`${String(request['ip'])}|${email}`);
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The throttler names its header after the throttler (Retry-After-login); clients read this one.
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', detail.timeToBlockExpire);
    throw new DomainError(
      'RATE_LIMITED',
      `Too many token requests; retry in ${detail.timeToBlockExpire} s.`,
    );
  }
}
