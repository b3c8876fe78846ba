import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, withDatabaseName } from '@mg/shared-database';
import {
  eventually,
  TEST_NATS_SERVERS,
  TEST_POSTGRES_URL,
  TEST_TEMPORAL_ADDRESS,
  uniqueName,
  unusedPort,
} from '@mg/shared-testing';

const root = join(__dirname, '..', '..', '..');
export const SERVICES = ['identity', 'contracts', 'tickets', 'interventions'] as const;
export type Service = (typeof SERVICES)[number];
export type App = Service | 'workflow-worker' | 'console';
const APPS: readonly App[] = [...SERVICES, 'workflow-worker', 'console'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
export interface ApiAnswer<Body = any> {
  status: number;
  body: Body;
  contentType: string;
}

/**
 * The whole system as `npm start` runs it — every app's built entry point as its own process, in
 * development mode (demo data) — but on free ports, throw-away databases and task queues of its
 * own, so it never meets a running dev system. Needs `npm run build` (npm test builds first).
 */
export class RunningSystem {
  readonly ports = {} as Record<App, number>;
  readonly databaseUrls = {} as Record<Service, string>;
  /** Every task queue of this system starts with it. */
  readonly taskQueuePrefix = `system-test-${randomUUID()}-`;
  private readonly children = new Map<App, ChildProcess>();
  private readonly output: string[] = [];
  private readonly keyDirectory = mkdtempSync(join(tmpdir(), 'mg-system-'));

  static async start(): Promise<RunningSystem> {
    const system = new RunningSystem();
    for (const app of APPS) system.ports[app] = await unusedPort();
    for (const service of SERVICES) {
      system.databaseUrls[service] = withDatabaseName(
        TEST_POSTGRES_URL,
        uniqueName(`mg_test_system_${service}`),
      );
    }
    for (const app of APPS) system.startApp(app);
    await system.waitUntilReady(APPS);
    return system;
  }

  private url(app: App): string {
    return `http://127.0.0.1:${this.ports[app]}`;
  }

  private environment(app: App): Record<string, string> {
    const common = {
      PORT: String(this.ports[app]),
      TEMPORAL_ADDRESS: TEST_TEMPORAL_ADDRESS,
      TEMPORAL_PREFIX: this.taskQueuePrefix,
    };
    const urls = {
      IDENTITY_URL: this.url('identity'),
      CONTRACTS_URL: this.url('contracts'),
      TICKETS_URL: this.url('tickets'),
      INTERVENTIONS_URL: this.url('interventions'),
    };
    if (app === 'workflow-worker') return common;
    if (app === 'console') return { PORT: common.PORT, ...urls };
    return {
      ...common,
      ...urls,
      DATABASE_URL: this.databaseUrls[app],
      NATS_URL: TEST_NATS_SERVERS,
      JWKS_URL: `${this.url('identity')}/.well-known/jwks.json`,
      SIGNING_KEY_FILE: join(this.keyDirectory, 'signing-key.json'),
    };
  }

  /** Starts (or restarts) one app's process. */
  startApp(app: App): void {
    const entry = join(root, 'apps', app, 'dist', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      env: { ...process.env, APP_ENV: 'development', LOG_LEVEL: 'warn', ...this.environment(app) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => this.output.push(`[${app}] ${chunk.toString()}`);
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.children.set(app, child);
  }

  /** Kills one app's process at once (SIGKILL: no graceful shutdown) and waits for its end. */
  async kill(app: App): Promise<void> {
    const child = this.children.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async waitUntilReady(apps: readonly App[] = APPS): Promise<void> {
    try {
      await eventually(
        async () => {
          for (const app of apps) {
            const ready = await fetch(`${this.url(app)}/ready`).then(
              (response) => response.status === 200,
              () => false,
            );
            if (!ready) throw new Error(`${app} is not ready`);
          }
        },
        { timeoutMs: 90_000, intervalMs: 300 },
      );
    } catch (error) {
      throw new Error(`the system did not become ready:\n${this.recentOutput()}`, {
        cause: error,
      });
    }
  }

  /** The last lines the processes wrote, for failure messages. */
  recentOutput(): string {
    return this.output.join('').slice(-4000);
  }

  /** One call to `/api/v1` at an app (the console by default), JSON in and out. */
  async api(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; app?: App; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const response = await fetch(`${this.url(options.app ?? 'console')}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = { raw: text };
    }
    return {
      status: response.status,
      body,
      contentType: response.headers.get('content-type') ?? '',
    };
  }

  /** A demo user's access token, obtained at the console. */
  async token(email: string): Promise<string> {
    const answer = await this.api('POST', '/auth/token', {
      body: { email, password: 'demo-password' },
    });
    if (answer.status !== 200) throw new Error(`cannot log in ${email}: ${answer.status}`);
    return (answer.body as { accessToken: string }).accessToken;
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    for (const url of Object.values(this.databaseUrls)) await dropDatabase(url);
    rmSync(this.keyDirectory, { recursive: true, force: true });
  }
}
