// Progress lines for the developer scripts: `▶` starting, `✔` done, `⚠` warning, `✖` failure.
// Built-ins only: these scripts run before `node_modules` exists.
import { stdout } from 'node:process';

export const colorEnabled =
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
    ? true
    : stdout.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';

const paint = (code) => (text) => (colorEnabled ? `\u001b[${code}m${text}\u001b[0m` : String(text));

export const color = {
  bold: paint('1'),
  dim: paint('2'),
  red: paint('31'),
  green: paint('32'),
  yellow: paint('33'),
  blue: paint('34'),
  cyan: paint('36'),
};

const line = (symbol, topic, message) =>
  console.log(topic ? `${symbol} ${color.bold(topic)}: ${message}` : `${symbol} ${message}`);

export const log = {
  step: (topic, message) => line(color.cyan('▶'), topic, message),
  ok: (topic, message) => line(color.green('✔'), topic, message),
  warn: (topic, message) => line(color.yellow('⚠'), topic, message),
  fail: (topic, message) => line(color.red('✖'), topic, message),
  info: (topic, message) => line(color.dim('…'), topic, message),
};

/**
 * A failure the developer can act on: `message` says what is wrong, `hint` what to do about it.
 * The CLIs print both and exit 1 instead of dumping a stack trace.
 */
export class ActionableError extends Error {
  constructor(message, hint) {
    super(message);
    this.name = 'ActionableError';
    this.hint = hint;
  }
}

export function reportError(topic, error) {
  if (error instanceof ActionableError) {
    log.fail(topic, error.message);
    if (error.hint) console.log(`  ${color.yellow('→')} ${error.hint.split('\n').join('\n    ')}`);
  } else {
    log.fail(topic, error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}

export function formatDuration(milliseconds) {
  if (milliseconds < 1000) return `${Math.round(milliseconds)}ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/** Draws `lines` in a box; the width follows the longest visible line. */
export function box(title, lines) {
  const visible = (text) => text.replace(/\u001b\[[0-9;]*m/g, '').length;
  const width = Math.max(visible(title), ...lines.map(visible));
  const row = (text) => `│ ${text}${' '.repeat(width - visible(text))} │`;
  const rule = '─'.repeat(width + 2);
  return [`┌${rule}┐`, row(color.bold(title)), `├${rule}┤`, ...lines.map(row), `└${rule}┘`].join(
    '\n',
  );
}
