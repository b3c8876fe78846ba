import {
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  Module,
} from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DomainError } from '@mg/shared-kernel';
import { type AuthenticatedUser } from './authenticated-user';
import { AuthModule } from './auth.module';
import { CurrentUser } from './current-user.decorator';
import { Public, RequirePermission } from './route-access.decorators';

/** Stands in for @mg/shared-http's problem filter: answers the refusal code as JSON. */
@Catch(DomainError)
class CodeFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    const reply = host.switchToHttp().getResponse<{ code(n: number): { send(b: object): void } }>();
    reply.code(error.code === 'FORBIDDEN' ? 403 : 401).send({ code: error.code });
  }
}

@Controller()
class SampleController {
  @Public()
  @Get('open')
  open() {
    return { ok: true };
  }

  @RequirePermission('read')
  @Get('whoami')
  whoami(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }

  @Get('forgotten')
  forgotten() {
    return { leaked: true };
  }
}

let app: NestFastifyApplication;
let token: string;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' };
  const auth = AuthModule.forRoot({ keySet: { keys: [jwk] }, issuer: 'iss', audience: 'aud' });

  @Module({
    imports: [auth],
    controllers: [SampleController],
    providers: [{ provide: APP_FILTER, useClass: CodeFilter }],
  })
  class SampleModule {}

  app = await NestFactory.create<NestFastifyApplication>(SampleModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  token = await new SignJWT({ email: 'c@demo.local', name: 'C', role: 'CLIENT' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k' })
    .setSubject('c-1')
    .setIssuer('iss')
    .setAudience('aud')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
});

afterAll(async () => {
  await app?.close();
});

describe('AuthModule.forRoot', () => {
  it('guards every route of the app: public open, permission checked, undeclared refused', async () => {
    expect((await app.inject({ method: 'GET', url: '/open' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/whoami' })).json()).toEqual({
      code: 'UNAUTHENTICATED',
    });
    const whoami = await app.inject({
      method: 'GET',
      url: '/whoami',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(whoami.json()).toEqual({ id: 'c-1', email: 'c@demo.local', name: 'C', role: 'CLIENT' });
    const forgotten = await app.inject({
      method: 'GET',
      url: '/forgotten',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(forgotten.statusCode).toBe(403);
  });
});
