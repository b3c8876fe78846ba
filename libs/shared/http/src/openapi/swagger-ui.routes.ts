import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';

/** The files of swagger-ui-dist the page needs, with their media types. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-16x16.png': 'image/png',
  'favicon-32x32.png': 'image/png',
};

const page = (basePath: string, title: string): string => `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>${title.replace(/[<>&"]/g, '')}</title>
    <link rel="stylesheet" href="${basePath}/swagger-ui.css" />
    <link rel="stylesheet" href="${basePath}/index.css" />
    <link rel="icon" type="image/png" href="${basePath}/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${basePath}/swagger-ui-bundle.js"></script>
    <script src="${basePath}/swagger-ui-standalone-preset.js"></script>
    <script src="${basePath}/swagger-initializer.js"></script>
  </body>
</html>
`;

// A separate script, not an inline one, so Helmet's CSP (script-src 'self') allows it.
const initializer = (documentUrl: string): string => `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(documentUrl)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
};
`;

/**
 * Serves the Swagger UI page from the swagger-ui-dist package on disk: no CDN (machines may be
 * offline) and no @fastify/static (its ESM-only dependencies do not load under Jest).
 */
export function serveSwaggerUi(
  app: NestFastifyApplication,
  uiPath: string,
  documentUrl: string,
  title: string,
): void {
  const basePath = `/${uiPath.replace(/^\/+|\/+$/g, '')}`;
  const assetsDirectory = dirname(require.resolve('swagger-ui-dist/package.json'));
  const fastify = app.getHttpAdapter().getInstance();
  const html = page(basePath, title);
  const script = initializer(documentUrl);

  fastify.get(basePath, (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
  fastify.get(`${basePath}/swagger-initializer.js`, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(script),
  );
  for (const [file, mediaType] of Object.entries(ASSETS)) {
    fastify.get(`${basePath}/${file}`, (_request, reply) =>
      reply
        .type(mediaType)
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(join(assetsDirectory, file))),
    );
  }
}
