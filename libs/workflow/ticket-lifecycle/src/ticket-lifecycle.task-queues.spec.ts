import { TICKET_LIFECYCLE_TASK_QUEUE, ticketLifecycleTaskQueues } from './index';

describe('ticket lifecycle task queues', () => {
  it('are the plain names in production', () => {
    expect(ticketLifecycleTaskQueues()).toEqual({
      workflow: TICKET_LIFECYCLE_TASK_QUEUE,
      tickets: 'tickets',
      interventions: 'interventions',
    });
  });

  it('all carry the prefix of a test or of a second system', () => {
    expect(ticketLifecycleTaskQueues('test-1-')).toEqual({
      workflow: 'test-1-ticket-lifecycle',
      tickets: 'test-1-tickets',
      interventions: 'test-1-interventions',
    });
  });
});
