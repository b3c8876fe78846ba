// Probes used to decide whether something is already running and to wait for it to become ready.
import { request } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves true when something accepts a TCP connection on host:port within `timeoutMs`. */
export function tcpProbe(host, port, timeoutMs = 1000) {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    const done = (answer) => {
      socket.destroy();
      resolvePromise(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The HTTP status of a GET, or undefined when nothing answers (no body is kept). */
export function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolvePromise) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolvePromise(res.statusCode);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolvePromise(undefined));
    req.end();
  });
}

/**
 * Polls `check` until it returns a truthy value or `timeoutMs` passes; returns the last value.
 * `onWait(elapsedMs)` is called about every `reportEveryMs` so long waits stay visible.
 */
export async function waitFor(
  check,
  { timeoutMs, intervalMs = 500, reportEveryMs = 10_000, onWait },
) {
  const started = Date.now();
  let lastReport = started;
  for (;;) {
    const value = await check();
    if (value) return value;
    const now = Date.now();
    if (now - started >= timeoutMs) return value;
    if (onWait && now - lastReport >= reportEveryMs) {
      lastReport = now;
      onWait(now - started);
    }
    await sleep(intervalMs);
  }
}

export const isLocalHost = (host) =>
  ['127.0.0.1', 'localhost', '::1', '0.0.0.0', ''].includes(host) || host.startsWith('/');
