import { isDependencyUnavailable } from './dependency-unavailable';

describe('isDependencyUnavailable', () => {
  it('does not take a constraint violation for an outage', () => {
    const uniqueViolation = Object.assign(new Error('duplicate key'), {
      code: '23505',
      severity: 'ERROR',
    });
    expect(isDependencyUnavailable(uniqueViolation)).toBe(false);
  });

  it('does not take a gRPC NOT_FOUND for an outage', () => {
    const notFound = Object.assign(new Error('5 NOT_FOUND'), {
      code: 5,
      details: 'x',
      metadata: {},
    });
    expect(isDependencyUnavailable(notFound)).toBe(false);
  });

  it('does not take a five-character application code for a SQLSTATE without a severity', () => {
    expect(isDependencyUnavailable(Object.assign(new Error('x'), { code: '08001' }))).toBe(false);
  });

  it('terminates on a cause cycle', () => {
    const first: Error & { cause?: unknown } = new Error('first');
    const second = new Error('second', { cause: first });
    first.cause = second;
    expect(isDependencyUnavailable(first)).toBe(false);
  });

  it('finds an outage a few causes deep', () => {
    const root = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    const wrapped = new Error('query failed', { cause: new Error('pool', { cause: root }) });
    expect(isDependencyUnavailable(wrapped)).toBe(true);
  });
});
