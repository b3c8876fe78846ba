import { ConfigError, loadConfig } from '@mg/shared-config';
import { workflowWorkerConfigSchema } from './workflow-worker.config';

describe('workflow worker configuration', () => {
  it('runs with no environment at all, on port 3005 against the local Temporal', () => {
    expect(loadConfig(workflowWorkerConfigSchema, {})).toEqual({
      PORT: 3005,
      HOST: '127.0.0.1',
      APP_ENV: 'development',
      LOG_LEVEL: 'info',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_PREFIX: '',
    });
  });

  it('takes a task queue prefix, so a second system on the same server polls its own queues', () => {
    expect(
      loadConfig(workflowWorkerConfigSchema, { TEMPORAL_PREFIX: 'staging-' }).TEMPORAL_PREFIX,
    ).toBe('staging-');
    expect(() => loadConfig(workflowWorkerConfigSchema, { TEMPORAL_PREFIX: 'a queue' })).toThrow(
      ConfigError,
    );
  });

  it('refuses a Temporal address that is not host:port', () => {
    expect(() => loadConfig(workflowWorkerConfigSchema, { TEMPORAL_ADDRESS: 'temporal' })).toThrow(
      ConfigError,
    );
  });
});
