import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Public } from '@mg/shared-auth';
import { OPEN_API_UI_PATH } from '@mg/shared-http';
import { UPSTREAM_NAMES } from '../upstreams/upstreams';
import { CONSOLE_LINKS, type ConsoleLinks } from './console-links';

const indexSchema = z.object({
  service: z.literal('console'),
  api: z.string().meta({ description: 'Base path of the REST API, forwarded to the services' }),
  apiDocs: z
    .record(z.string(), z.string())
    .meta({ description: 'Each service’s interactive OpenAPI page' }),
  temporalUi: z.string(),
  health: z.string(),
  ready: z.string(),
});

class IndexDto extends createZodDto(indexSchema) {}

/** What runs where; the web console replaces this page when it exists. */
@ApiTags('console')
@Public()
@Controller()
export class IndexController {
  constructor(@Inject(CONSOLE_LINKS) private readonly links: ConsoleLinks) {}

  @Get()
  @ApiOkResponse({ type: IndexDto })
  index(): IndexDto {
    return {
      service: 'console',
      api: '/api/v1',
      apiDocs: Object.fromEntries(
        UPSTREAM_NAMES.map((name) => [name, `${this.links.upstreams[name]}/${OPEN_API_UI_PATH}`]),
      ),
      temporalUi: this.links.temporalUiUrl,
      health: '/health',
      ready: '/ready',
    };
  }
}
