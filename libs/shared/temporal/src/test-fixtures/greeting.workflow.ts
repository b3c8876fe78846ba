import { proxyActivities } from '@temporalio/workflow';

/** The activity the workers under test serve. */
export interface GreetingActivities {
  greet(name: string): Promise<string>;
}

/**
 * A workflow for the worker tests only: one activity call on the given task queue, so a test
 * can tell which worker ran the workflow and which ran the activity.
 */
export async function greetingWorkflow(name: string, activityTaskQueue: string): Promise<string> {
  const { greet } = proxyActivities<GreetingActivities>({
    taskQueue: activityTaskQueue,
    startToCloseTimeout: '30 seconds',
    retry: { maximumAttempts: 1 },
  });
  return greet(name);
}
