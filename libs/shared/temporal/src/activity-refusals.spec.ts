import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@mg/shared-kernel';
import { asActivityFailure, refusingActivities } from './activity-refusals';

describe('activity refusals', () => {
  it('turns a DomainError into a non-retryable failure typed by its code, field errors as details', () => {
    const fieldErrors = [{ path: 'estimatedHours', message: 'must be greater than 0' }];
    const failure = asActivityFailure(
      new DomainError('VALIDATION_FAILED', 'Invalid billet', fieldErrors),
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'VALIDATION_FAILED',
      message: 'Invalid billet',
      nonRetryable: true,
      details: [fieldErrors],
    });
  });

  it('leaves any other error as it is, to be retried', () => {
    const transient = new Error('Connection terminated unexpectedly');
    expect(asActivityFailure(transient)).toBe(transient);
  });

  it('wraps every activity under its own name, keeping results and `this`', async () => {
    const activities = {
      prefix: 'BILLET-',
      async issue(n: number) {
        return `${this.prefix}${n}`;
      },
      async refuse() {
        throw new DomainError('DEVELOPER_NOT_ELIGIBLE', 'Not a member of the project');
      },
    };
    const wrapped = refusingActivities(activities);
    expect(Object.keys(wrapped)).toEqual(['prefix', 'issue', 'refuse']);
    await expect(wrapped.issue(1)).resolves.toBe('BILLET-1');
    await expect(wrapped.refuse()).rejects.toMatchObject({
      type: 'DEVELOPER_NOT_ELIGIBLE',
      nonRetryable: true,
    });
  });
});
