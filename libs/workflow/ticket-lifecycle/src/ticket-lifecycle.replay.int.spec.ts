import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { bundleTicketLifecycleWorkflows } from './test-fixtures/ticket-lifecycle.harness';

/**
 * Recorded histories (`RECORD_HISTORIES=1 npx jest ticket-lifecycle.workflow.int`) replayed
 * against today's workflow code: a change that would break a running ticket's workflow fails here.
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });

const HISTORIES = join(__dirname, 'test-fixtures', 'histories');
const fixtures = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));
const historyOf = (file: string) => readFileSync(join(HISTORIES, file), 'utf8');

let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  workflowBundle = await bundleTicketLifecycleWorkflows();
}, 60_000);

/** The replay failures, one line per history (empty when every history replays). */
async function replayFailures(histories: { workflowId: string; json: string }[]) {
  const failures: string[] = [];
  const parsed = histories.map(({ workflowId, json }) => ({
    workflowId,
    history: JSON.parse(json) as unknown,
  }));
  for await (const result of Worker.runReplayHistories({ workflowBundle }, parsed)) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  return failures;
}

describe('ticket lifecycle workflow replay', () => {
  it('has recorded histories of every path to replay', () => {
    expect(fixtures.sort()).toEqual([
      'closed.json',
      'overrun.json',
      'rejected.json',
      'reopened.json',
    ]);
  });

  it('replays every recorded history deterministically', async () => {
    const failures = await replayFailures(
      fixtures.map((file) => ({ workflowId: file, json: historyOf(file) })),
    );
    expect(failures).toEqual([]);
  }, 60_000);

  it('fails a history the code no longer matches (here, an activity the workflow does not call)', async () => {
    // The same divergence as code that changed which activity a step calls.
    const tampered = historyOf('closed.json').replace(
      /"activityType":\s*\{\s*"name":\s*"validateReport"\s*\}/,
      '"activityType": { "name": "approveReport" }',
    );
    expect(tampered).not.toBe(historyOf('closed.json'));
    const failures = await replayFailures([{ workflowId: 'tampered', json: tampered }]);
    expect(failures).toEqual([expect.stringMatching(/^tampered: .*Nondeterminism/i)]);
  }, 60_000);
});
