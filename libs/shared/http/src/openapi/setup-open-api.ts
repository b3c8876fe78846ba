import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { addProblemResponses } from './add-problem-responses';
import { documentPublicRoutes } from './document-public-routes';
import { serveSwaggerUi } from './swagger-ui.routes';

/** Never behind the global prefix: the console links to each service's page at the same place. */
export const OPEN_API_UI_PATH = 'api/docs';
export const OPEN_API_JSON_PATH = 'api/docs/openapi.json';
export const BEARER_SCHEME = 'bearer';

export interface OpenApiOptions {
  title: string;
  description?: string;
  version?: string;
}

/**
 * Builds the document from the zod DTOs (nestjs-zod) and serves it as JSON plus the Swagger UI.
 * The UI is served from the swagger-ui-dist package on disk, so the page works offline.
 */
export function setupOpenApi(app: NestFastifyApplication, options: OpenApiOptions): void {
  documentPublicRoutes(app);
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description ?? '')
    .setVersion(options.version ?? '1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  const document = addProblemResponses(
    cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)),
  );
  SwaggerModule.setup(OPEN_API_UI_PATH, app, document, {
    jsonDocumentUrl: OPEN_API_JSON_PATH,
    raw: ['json'],
    ui: false,
  });
  serveSwaggerUi(app, OPEN_API_UI_PATH, `/${OPEN_API_JSON_PATH}`, options.title);
}
