import { type ReadinessCheck } from '@mg/shared-http';
import { type TicketLifecycleWorker } from './ticket-lifecycle-worker';

/** Ready = the Temporal server answers and the worker is polling its task queue. */
export function workerReadinessChecks(worker: TicketLifecycleWorker): ReadinessCheck[] {
  return [
    { name: 'temporal', check: () => worker.pingServer() },
    {
      name: 'worker',
      check: async () => {
        if (worker.state !== 'RUNNING') throw new Error(`worker is ${worker.state}`);
      },
    },
  ];
}
