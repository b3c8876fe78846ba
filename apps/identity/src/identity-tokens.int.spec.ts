import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { listUnguardedRoutes } from '@mg/shared-auth';
import {
  bearerFor,
  createIdentityTestContext,
  type IdentityTestContext,
} from './test-fixtures/identity-test-harness';

// A throw-away database is created and migrated first.
jest.setTimeout(30_000);

let context: IdentityTestContext;
let app: NestFastifyApplication;
let developer: { id: string; email: string; password: string };

beforeAll(async () => {
  context = await createIdentityTestContext();
  app = await context.start();
  developer = await context.createUser('DEVELOPER');
});

afterAll(async () => {
  await context?.dispose();
});

const requestToken = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });

const getMe = (authorization?: string) =>
  app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: authorization ? { authorization } : {},
  });

describe('POST /api/v1/auth/token', () => {
  it('issues an ES256 bearer token naming the user, its role, issuer and audience', async () => {
    const response = await requestToken(developer.email.toUpperCase(), developer.password);

    expect(response.statusCode).toBe(200);
    const body = response.json<{ accessToken: string; tokenType: string; expiresIn: number }>();
    expect(body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600 });
    expect(decodeProtectedHeader(body.accessToken)).toMatchObject({
      alg: 'ES256',
      kid: expect.any(String),
    });
    const claims = decodeJwt(body.accessToken);
    expect(claims).toMatchObject({
      sub: developer.id,
      email: developer.email,
      name: 'Test DEVELOPER',
      role: 'DEVELOPER',
      iss: 'maintenance-governance/identity',
      aud: 'maintenance-governance',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
  });

  it.each([
    ['a wrong password', () => developer.email, 'not-the-password'],
    ['an unknown email', () => 'nobody@example.com', 'a-long-enough-password'],
  ])('answers 401 INVALID_CREDENTIALS for %s', async (_case, email, password) => {
    const response = await requestToken(email(), password);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
  });

  it('refuses a deactivated user like a wrong password', async () => {
    const admin = await context.createUser('ADMIN');
    const leaver = await context.createUser('SUPPORT');
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${leaver.id}`,
      headers: { authorization: await bearerFor(app, admin) },
      payload: { active: false },
    });
    expect(response.statusCode).toBe(200);

    const refused = await requestToken(leaver.email, leaver.password);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('rate-limits attempts per address and email with a 429 RATE_LIMITED problem', async () => {
    const limited = await context.start({ LOGIN_RATE_LIMIT: '3' });
    const attempt = (email: string) =>
      limited.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { email, password: 'wrong-password' },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt(developer.email)).statusCode).toBe(401);

    const refused = await attempt(developer.email);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });

    // Another account from the same address is not locked out by the first one's attempts.
    expect((await attempt('someone-else@example.com')).statusCode).toBe(401);
  });

  it('refuses a body with unknown fields with 400 VALIDATION_FAILED', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: developer.email, password: developer.password, role: 'ADMIN' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('GET /.well-known/jwks.json', () => {
  it('publishes the public key, never a private part, with a cache lifetime', async () => {
    const response = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    const { keys } = response.json<{ keys: Record<string, unknown>[] }>();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) {
      expect(keys[0]).not.toHaveProperty(privatePart);
    }
  });
});

describe('GET /api/v1/me', () => {
  it('answers the caller named by the token', async () => {
    const response = await getMe(await bearerFor(app, developer));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: developer.id,
      email: developer.email,
      role: 'DEVELOPER',
      active: true,
    });
    expect(response.json()).not.toHaveProperty('passwordHash');
  });

  it('answers 401 UNAUTHENTICATED without a token or with garbage', async () => {
    for (const authorization of [undefined, 'Bearer garbage', 'Basic abc']) {
      const response = await getMe(authorization);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it.each([
    ['payload', 1],
    ['signature', 2],
  ])('answers 401 for a token whose %s was altered by one character', async (_part, index) => {
    const token = (await bearerFor(app, developer)).slice('Bearer '.length);
    const parts = token.split('.');
    const target = parts[index] ?? '';
    const middle = Math.floor(target.length / 2);
    parts[index] =
      target.slice(0, middle) + (target[middle] === 'A' ? 'B' : 'A') + target.slice(middle + 1);

    const response = await getMe(`Bearer ${parts.join('.')}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('expired tokens', () => {
  it('answers 401 for a correctly signed token whose expiry has passed', async () => {
    const jwk: unknown = JSON.parse(
      await readFile(join(context.keyDirectory, 'signing-key.json'), 'utf8'),
    );
    const { kid } = decodeProtectedHeader((await bearerFor(app, developer)).slice(7));
    const privateKey = await importJWK(jwk as Parameters<typeof importJWK>[0], 'ES256');
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ email: developer.email, name: 'Dev', role: 'DEVELOPER' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject(developer.id)
      .setIssuer('maintenance-governance/identity')
      .setAudience('maintenance-governance')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 60)
      .sign(privateKey);

    const response = await getMe(`Bearer ${expired}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: 'The token has expired.',
    });
  });
});

describe('route declarations', () => {
  it('leaves no route without @Public or @RequirePermission', () => {
    expect(listUnguardedRoutes(app)).toEqual([]);
  });
});
