import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, withDatabaseName } from '@mg/shared-database';
import {
  eventually,
  tamper,
  TEST_NATS_SERVERS,
  TEST_POSTGRES_URL,
  TEST_TEMPORAL_ADDRESS,
  uniqueName,
  unusedPort,
} from '@mg/shared-testing';

// The whole system as `npm start` runs it: every app's built entry point as its own process,
// wired through the console. Proves a token obtained at the single entry point is accepted by
// every service and refused once tampered with. Needs `npm run build` (npm test does it first).

const root = join(__dirname, '..', '..');
const services = ['identity', 'contracts', 'tickets', 'interventions'] as const;
type Service = (typeof services)[number];
const TEMPORAL_UI_URL = process.env.TEMPORAL_UI_URL ?? 'http://127.0.0.1:8233';

jest.setTimeout(120_000);

const children: ChildProcess[] = [];
const output: string[] = [];
const ports = {} as Record<Service | 'console' | 'workflow-worker', number>;
const databases: string[] = [];
let keyDirectory: string;

function startApp(app: string, env: Record<string, string>): void {
  const entry = join(root, 'apps', app, 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, APP_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(`[${app}] ${chunk.toString()}`);
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.push(child);
}

async function isReady(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200;
  } catch {
    return false;
  }
}

const api = (port: number, path: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${port}/api/v1${path}`, init);

beforeAll(async () => {
  keyDirectory = mkdtempSync(join(tmpdir(), 'mg-system-'));
  for (const app of [...services, 'console', 'workflow-worker'] as const) {
    ports[app] = await unusedPort();
  }
  const jwksUrl = `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`;
  for (const service of services) {
    const database = uniqueName(`mg_test_system_${service}`);
    databases.push(withDatabaseName(TEST_POSTGRES_URL, database));
    startApp(service, {
      PORT: String(ports[service]),
      DATABASE_URL: withDatabaseName(TEST_POSTGRES_URL, database),
      NATS_URL: TEST_NATS_SERVERS,
      TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
      JWKS_URL: jwksUrl,
      IDENTITY_URL: `http://127.0.0.1:${ports.identity}`,
      SIGNING_KEY_FILE: join(keyDirectory, 'signing-key.json'),
    });
  }
  startApp('workflow-worker', {
    PORT: String(ports['workflow-worker']),
    TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
  });
  startApp('console', {
    PORT: String(ports.console),
    IDENTITY_URL: `http://127.0.0.1:${ports.identity}`,
    CONTRACTS_URL: `http://127.0.0.1:${ports.contracts}`,
    TICKETS_URL: `http://127.0.0.1:${ports.tickets}`,
    INTERVENTIONS_URL: `http://127.0.0.1:${ports.interventions}`,
  });
  try {
    await eventually(
      async () => {
        for (const port of Object.values(ports)) {
          if (!(await isReady(port))) throw new Error(`port ${port} is not ready`);
        }
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  } catch (error) {
    throw new Error(`the system did not become ready:\n${output.join('').slice(-4000)}`, {
      cause: error,
    });
  }
});

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const url of databases) await dropDatabase(url);
  rmSync(keyDirectory, { recursive: true, force: true });
});

async function tokenFor(email: string): Promise<string> {
  const response = await api(ports.console, '/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

describe('the system started as npm start does', () => {
  it("accepts a project manager's console token at every service", async () => {
    const token = await tokenFor('pm@demo.local');
    for (const port of [ports.console, ...services.map((service) => ports[service])]) {
      const response = await api(port, '/me', { headers: { authorization: `Bearer ${token}` } });
      expect({ port, status: response.status }).toEqual({ port, status: 200 });
      expect(await response.json()).toMatchObject({
        email: 'pm@demo.local',
        role: 'PROJECT_MANAGER',
      });
    }
  });

  it('refuses the same token tampered with, at every service, as problem+json', async () => {
    const token = tamper(await tokenFor('pm@demo.local'));
    for (const port of [ports.console, ...services.map((service) => ports[service])]) {
      const response = await api(port, '/me', { headers: { authorization: `Bearer ${token}` } });
      expect({ port, status: response.status }).toEqual({ port, status: 401 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('serves the Temporal Web UI', async () => {
    expect((await fetch(TEMPORAL_UI_URL)).status).toBe(200);
  });
});
