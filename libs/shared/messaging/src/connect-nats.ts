import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsConnectionOptions {
  /** One URL, a comma-separated list, or a list (`nats://127.0.0.1:4222`). */
  servers: string | string[];
  /** Shown by the server (`nats server report connections`): use the service name. */
  name: string;
  /** Give up the first connection attempt after this long (default 5 s). */
  connectTimeoutMs?: number;
}

const serverList = (servers: string | string[]): string[] =>
  (Array.isArray(servers) ? servers : servers.split(','))
    .map((server) => server.trim())
    .filter(Boolean);

/**
 * Connects to NATS. The first attempt fails fast (a wrong URL at boot should stop the service),
 * but once connected the client reconnects forever: a NATS restart must not need a service
 * restart. While disconnected, publishes are buffered by the client and readiness reports down.
 */
export function connectNats(options: NatsConnectionOptions): Promise<NatsConnection> {
  return connect({
    servers: serverList(options.servers),
    name: options.name,
    timeout: options.connectTimeoutMs ?? 5_000,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    reconnectJitter: 500,
    pingInterval: 10_000,
  });
}
