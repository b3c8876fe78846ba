import { tamper } from '@mg/shared-testing';
import { RunningSystem, SERVICES } from './support/running-system';

// The whole system as `npm start` runs it: a token obtained at the single entry point is
// accepted by every service and refused once tampered with.

const TEMPORAL_UI_URL = process.env.TEMPORAL_UI_URL ?? 'http://127.0.0.1:8233';

jest.setTimeout(120_000);

let system: RunningSystem;

beforeAll(async () => {
  system = await RunningSystem.start();
});

afterAll(async () => {
  await system?.stop();
});

describe('the system started as npm start does', () => {
  it("accepts a project manager's console token at every service", async () => {
    const token = await system.token('pm@demo.local');
    for (const app of ['console', ...SERVICES] as const) {
      const answer = await system.api('GET', '/me', { token, app });
      expect({ app, status: answer.status }).toEqual({ app, status: 200 });
      expect(answer.body).toMatchObject({ email: 'pm@demo.local', role: 'PROJECT_MANAGER' });
    }
  });

  it('refuses the same token tampered with, at every service, as problem+json', async () => {
    const token = tamper(await system.token('pm@demo.local'));
    for (const app of ['console', ...SERVICES] as const) {
      const answer = await system.api('GET', '/me', { token, app });
      expect({ app, status: answer.status }).toEqual({ app, status: 401 });
      expect(answer.contentType).toContain('application/problem+json');
    }
  });

  it('serves the Temporal Web UI', async () => {
    expect((await fetch(TEMPORAL_UI_URL)).status).toBe(200);
  });
});
