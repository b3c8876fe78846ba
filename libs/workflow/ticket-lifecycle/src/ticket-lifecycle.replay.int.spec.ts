import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { bundleTicketLifecycleWorkflows } from './test-fixtures/ticket-lifecycle.harness';

/**
 * Recorded histories (`RECORD_HISTORIES=1 npx jest ticket-lifecycle.workflow.int`) replayed
 * against today's workflow code: a change that would break a running ticket's workflow fails here.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const HISTORIES = join(__dirname, 'test-fixtures', 'histories');
const fixtures = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

describe('ticket lifecycle workflow replay', () => {
  it('has recorded histories to replay', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['closed.json', 'rejected.json']));
  });

  it('replays every recorded history deterministically', async () => {
    const workflowBundle = await bundleTicketLifecycleWorkflows();
    const histories = fixtures.map((file) => ({
      workflowId: file,
      history: JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as unknown,
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
