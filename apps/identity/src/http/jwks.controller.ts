import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type JSONWebKeySet } from 'jose';
import { Public } from '@mg/shared-auth';
import { SIGNING_KEY } from '../identity.tokens';
import { type SigningKey } from '../signing/signing-key';

/** Served outside `/api/v1`, where every service's token verifier expects it. */
@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(SIGNING_KEY) private readonly key: SigningKey) {}

  @Public()
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ description: 'The public keys that verify identity tokens (RFC 7517)' })
  jwks(): JSONWebKeySet {
    return { keys: [this.key.publicJwk] };
  }
}
