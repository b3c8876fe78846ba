// Makes the apps' pino JSON lines readable in `npm start` through pino-pretty; anything that is not
// a pino line (stack traces, plain text) passes through unchanged.
import { Transform } from 'node:stream';

import { colorEnabled } from './console.mjs';

/** Returns line → text. Falls back to raw lines when pino-pretty is unavailable. */
export async function createLineFormatter({ raw }) {
  if (raw) return (line) => line;
  try {
    const { prettyFactory } = (await import('pino-pretty')).default;
    const pretty = prettyFactory({
      colorize: colorEnabled,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      singleLine: true,
    });
    return (line) =>
      line.startsWith('{') && line.includes('"level"') ? pretty(line).trimEnd() : line;
  } catch {
    return (line) => line;
  }
}

/** A stream that applies `format` to each complete line. */
export function lineTransform(format) {
  let rest = '';
  return new Transform({
    transform(chunk, _encoding, callback) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      callback(null, lines.length ? lines.map(format).join('\n') + '\n' : undefined);
    },
    flush(callback) {
      callback(null, rest ? format(rest) + '\n' : undefined);
    },
  });
}
