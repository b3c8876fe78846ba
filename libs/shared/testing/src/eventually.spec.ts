import { eventually } from './eventually';

describe('eventually', () => {
  it('returns as soon as the assertion passes', async () => {
    let calls = 0;
    const result = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'done';
      },
      { intervalMs: 1 },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('rethrows the last failure once the time is up', async () => {
    let calls = 0;
    const failure = await eventually(
      () => {
        calls += 1;
        throw new Error(`failure ${calls}`);
      },
      { timeoutMs: 30, intervalMs: 5 },
    ).catch((error: unknown) => error as Error);
    expect(calls).toBeGreaterThan(1);
    expect(failure.message).toBe(`failure ${calls}`);
  });
});
