import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type z } from 'zod';
import { loadConfig } from '@mg/shared-config';

// docker-compose.yml cannot run on this machine (no Docker engine), so this keeps it honest:
// every app service it declares must boot with the environment it is given.

const root = join(__dirname, '..', '..');

interface ComposeService {
  build?: { args?: { APP?: string } };
  environment?: Record<string, string>;
  ports?: string[];
}

const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};

const appServices = Object.entries(compose.services).filter(([, service]) => service.build);

function configSchemaOf(app: string): z.ZodObject {
  const camel = app.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  const module = require(join(root, 'apps', app, 'src', `${app}.config.ts`)) as Record<
    string,
    unknown
  >;
  const schema = module[`${camel}ConfigSchema`];
  if (!schema) throw new Error(`apps/${app}/src/${app}.config.ts exports no ${camel}ConfigSchema`);
  return schema as z.ZodObject;
}

describe('docker-compose.yml', () => {
  it('declares every app of the workspace', () => {
    expect(appServices.map(([, service]) => service.build?.args?.APP).sort()).toEqual(
      ['console', 'contracts', 'identity', 'interventions', 'tickets', 'workflow-worker'].sort(),
    );
  });

  describe.each(appServices)('service %s', (_name, service) => {
    const app = service.build?.args?.APP ?? '';
    const schema = configSchemaOf(app);
    const environment = service.environment ?? {};

    it('sets only variables its config schema knows', () => {
      const unknown = Object.keys(environment).filter((key) => !(key in schema.shape));
      expect(unknown).toEqual([]);
    });

    it('gives an environment its config schema accepts', () => {
      expect(() => loadConfig(schema, environment)).not.toThrow();
    });

    it('listens on all interfaces and publishes the port it listens on', () => {
      const config = loadConfig(schema, environment) as { HOST?: string; PORT?: number };
      expect(config.HOST).toBe('0.0.0.0');
      expect(service.ports ?? []).toContain(`${config.PORT}:${config.PORT}`);
    });

    it('reaches other containers by service name, never through loopback', () => {
      // Browser-facing links (the Temporal Web UI) are the exception: the browser runs on the host.
      const loopback = Object.entries(environment).filter(
        ([key, value]) => !key.endsWith('UI_URL') && /127\.0\.0\.1|localhost/.test(value),
      );
      expect(loopback).toEqual([]);
    });
  });
});
