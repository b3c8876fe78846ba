import { Controller, Get, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { exportJWK, generateKeyPair, type KeyLike, SignJWT } from 'jose';
import { DomainError, type ErrorCode, type Role } from '@mg/shared-kernel';
import { AccessGuard, type RequestWithUser } from './access.guard';
import { Public, RequirePermission } from './route-access.decorators';
import { TokenVerifier } from './token-verifier';

const issuer = 'maintenance-governance/identity';
const audience = 'maintenance-governance';

@Controller('things')
class ThingsController {
  @Public()
  @Get('open')
  open() {
    return 'open';
  }

  @RequirePermission('users:manage')
  @Get('admin')
  manage() {
    return 'manage';
  }

  @RequirePermission('read')
  @Get('read')
  read() {
    return 'read';
  }

  @Get('forgotten')
  forgotten() {
    return 'forgotten';
  }
}

@RequirePermission('read')
@Controller('guarded-class')
class GuardedClassController {
  @Get()
  list() {
    return 'list';
  }

  @Public()
  @Get('open')
  open() {
    return 'open';
  }
}

let privateKey: KeyLike;
let guard: AccessGuard;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256' };
  const verifier = new TokenVerifier({ keySet: { keys: [publicJwk] }, issuer, audience });
  guard = new AccessGuard(new Reflector(), verifier);
});

function sign(
  role: Role,
  overrides: { audience?: string; expiresAt?: number; key?: KeyLike } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: 'someone@demo.local', name: 'Someone', role })
    .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
    .setSubject('4a0f3f39-64c3-4a43-8d6c-0f1f2a0c9e11')
    .setIssuer(issuer)
    .setAudience(overrides.audience ?? audience)
    .setIssuedAt(now - 3600)
    .setExpirationTime(overrides.expiresAt ?? now + 600)
    .sign(overrides.key ?? privateKey);
}

function contextFor(
  controller: new () => object,
  method: string,
  authorization?: string,
): { context: ExecutionContextHost; request: RequestWithUser } {
  const request: RequestWithUser = { headers: authorization ? { authorization } : {} };
  const handler = (controller.prototype as Record<string, () => void>)[method];
  if (!handler) throw new Error(`${controller.name} has no method ${method}`);
  const context = new ExecutionContextHost([request, {}], controller, handler);
  context.setType('http');
  return { context, request };
}

async function refusal(promise: Promise<unknown>): Promise<ErrorCode> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError))
    throw new Error(`expected a DomainError, got ${String(error)}`);
  return error.code;
}

describe('AccessGuard', () => {
  it('refuses a route that declares neither @Public nor @RequirePermission, even to an admin', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { context } = contextFor(ThingsController, 'forgotten', `Bearer ${await sign('ADMIN')}`);
    expect(await refusal(guard.canActivate(context))).toBe('FORBIDDEN');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ThingsController.forgotten'));
    warn.mockRestore();
  });

  it('lets anyone through a @Public route without a token', async () => {
    await expect(guard.canActivate(contextFor(ThingsController, 'open').context)).resolves.toBe(
      true,
    );
  });

  it('lets a role holding the permission through and exposes the caller', async () => {
    const { context, request } = contextFor(
      ThingsController,
      'manage',
      `Bearer ${await sign('ADMIN')}`,
    );
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toEqual({
      id: '4a0f3f39-64c3-4a43-8d6c-0f1f2a0c9e11',
      email: 'someone@demo.local',
      name: 'Someone',
      role: 'ADMIN',
    });
  });

  it('refuses with FORBIDDEN a valid token whose role lacks the permission', async () => {
    const { context } = contextFor(
      ThingsController,
      'manage',
      `Bearer ${await sign('PROJECT_MANAGER')}`,
    );
    expect(await refusal(guard.canActivate(context))).toBe('FORBIDDEN');
  });

  it('applies a class-level permission and lets a method-level @Public override it', async () => {
    expect(
      await refusal(guard.canActivate(contextFor(GuardedClassController, 'list').context)),
    ).toBe('UNAUTHENTICATED');
    const { context } = contextFor(
      GuardedClassController,
      'list',
      `Bearer ${await sign('CLIENT')}`,
    );
    await expect(guard.canActivate(context)).resolves.toBe(true);
    await expect(
      guard.canActivate(contextFor(GuardedClassController, 'open').context),
    ).resolves.toBe(true);
  });

  describe('refuses with UNAUTHENTICATED', () => {
    const cases: [string, () => Promise<string | undefined>][] = [
      ['no Authorization header', () => Promise.resolve(undefined)],
      ['a non-bearer scheme', async () => `Basic ${await sign('ADMIN')}`],
      ['a garbage token', () => Promise.resolve('Bearer not-a-token')],
      ['a token of three garbage parts', () => Promise.resolve('Bearer a.b.c')],
      [
        'an expired token',
        async () =>
          `Bearer ${await sign('ADMIN', { expiresAt: Math.floor(Date.now() / 1000) - 60 })}`,
      ],
      [
        'a token for another audience',
        async () => `Bearer ${await sign('ADMIN', { audience: 'other' })}`,
      ],
      [
        'a token signed by another key',
        async () => {
          const stranger = await generateKeyPair('ES256');
          return `Bearer ${await sign('ADMIN', { key: stranger.privateKey })}`;
        },
      ],
      ['a token with a tampered signature', async () => `Bearer ${tamper(await sign('ADMIN'), 2)}`],
      ['a token with a tampered payload', async () => `Bearer ${tamper(await sign('CLIENT'), 1)}`],
      ['an unsigned token (alg none)', () => Promise.resolve(`Bearer ${unsignedToken()}`)],
      [
        'a signed token whose claims do not describe a user',
        async () => `Bearer ${await sign('SUPERUSER' as Role)}`,
      ],
    ];

    it.each(cases)('%s', async (_name, header) => {
      const { context } = contextFor(ThingsController, 'read', await header());
      expect(await refusal(guard.canActivate(context))).toBe('UNAUTHENTICATED');
    });
  });
});

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'x', email: 'a@b.c', name: 'A', role: 'ADMIN', iss: issuer, aud: audience };
  return `${encode({ alg: 'none' })}.${encode({ ...claims, iat: now, exp: now + 600 })}.`;
}

/** Flips one character in the middle of a JWT part (0 header, 1 payload, 2 signature). */
function tamper(token: string, part: number): string {
  const parts = token.split('.');
  const target = parts[part] ?? '';
  const index = Math.floor(target.length / 2);
  const flipped = target[index] === 'A' ? 'B' : 'A';
  parts[part] = target.slice(0, index) + flipped + target.slice(index + 1);
  return parts.join('.');
}
