import { Runtime } from '@temporalio/worker';
import { PinoTemporalLogger } from './pino-temporal-logger';
import { installTemporalRuntime } from './temporal-runtime';

describe('installTemporalRuntime', () => {
  const logged = jest.spyOn(PinoTemporalLogger.prototype, 'log').mockReturnValue(undefined);

  beforeAll(() => installTemporalRuntime({ service: 'tickets', level: 'info' }));

  afterAll(() => logged.mockRestore());

  it('sends the SDK’s log lines to the service’s logger', () => {
    Runtime.instance().logger.warn('No workflows registered', { taskQueue: 'tickets' });
    expect(logged).toHaveBeenCalledWith(
      'WARN',
      'No workflows registered',
      expect.objectContaining({ taskQueue: 'tickets' }),
    );
  });

  it('leaves SIGTERM and SIGINT to Nest, which stops the workers when the app closes', () => {
    expect(Runtime.instance().options.shutdownSignals).toEqual([]);
  });
});
