import { Runtime } from '@temporalio/worker';
import pino from 'pino';
import { PinoTemporalLogger } from './pino-temporal-logger';

export interface TemporalRuntimeOptions {
  /** The process's name in its log lines, e.g. `tickets`. */
  service: string;
  /** The process's `LOG_LEVEL`. */
  level: string;
}

/**
 * Installs the process's Temporal Runtime, once, before any worker is created: the SDK's logs
 * become the service's JSON lines (`context: Temporal`) instead of text on stderr.
 */
export function installTemporalRuntime({ service, level }: TemporalRuntimeOptions): void {
  Runtime.install({
    logger: new PinoTemporalLogger(
      pino({
        level,
        base: { service, context: 'Temporal' },
        timestamp: pino.stdTimeFunctions.isoTime,
      }),
    ),
    // Nest owns SIGTERM/SIGINT (createHttpApp enables its shutdown hooks); closing the app shuts
    // its workers down, so the Runtime must not race it on the same signals.
    shutdownSignals: [],
  });
}
