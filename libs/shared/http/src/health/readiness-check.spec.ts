import { runReadinessChecks, type ReadinessCheck } from './readiness-check';

const check = (name: string, run: () => Promise<void>): ReadinessCheck => ({ name, check: run });

describe('runReadinessChecks', () => {
  it('is ready when every check passes', async () => {
    const report = await runReadinessChecks([
      check('database', async () => undefined),
      check('nats', async () => undefined),
    ]);
    expect(report).toEqual({ ready: true, checks: { database: 'up', nats: 'up' } });
  });

  it('is ready with no checks at all', async () => {
    expect(await runReadinessChecks([])).toEqual({ ready: true, checks: {} });
  });

  it('is not ready when one check fails, and says why', async () => {
    const report = await runReadinessChecks([
      check('database', async () => undefined),
      check('nats', async () => {
        throw new Error('connection closed\nwith a second line');
      }),
    ]);
    expect(report).toEqual({
      ready: false,
      checks: { database: 'up', nats: 'down: connection closed' },
    });
  });

  it('gives up on a hanging check after the timeout', async () => {
    const started = Date.now();
    const report = await runReadinessChecks(
      [check('temporal', () => new Promise<void>(() => undefined))],
      50,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.checks).toEqual({ temporal: 'down: no answer within 50 ms' });
  });

  it('treats a synchronous throw as a failed check', async () => {
    const throwing: ReadinessCheck = {
      name: 'broken',
      check: () => {
        throw new Error('not configured');
      },
    };
    expect((await runReadinessChecks([throwing])).checks).toEqual({
      broken: 'down: not configured',
    });
  });
});
