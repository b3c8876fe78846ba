#!/usr/bin/env node
// `npm test`: install if needed, bring up the infrastructure, then the quality gates (typecheck,
// lint, format) and Jest. Every step runs even when an earlier one failed, so one run shows
// everything. The last line is always `N passed, M failed`: Jest tests plus one per gate.
//   npm test                          everything
//   npm test -- libs/shared           everything, Jest limited to that path (any Jest args work)
//   npm test -- --only-jest libs/x    Jest only (skips the build and the gates)
// Only built-ins at the top: this runs before node_modules exists.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { color, formatDuration, log, reportError } from './lib/console.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';
import { dataDir, ensureDir, repoRoot } from './lib/paths.mjs';
import { run } from './lib/run.mjs';
import { infraEnv, infraSettings } from './lib/settings.mjs';
import { prepareInfra } from './prepare-infra.mjs';

const args = process.argv.slice(2);
const onlyJest = args.includes('--only-jest');
const jestArgs = args.filter((arg) => arg !== '--only-jest');
const jestResultsFile = join(dataDir, 'jest-results.json');
const JEST_EXIT_GRACE_MS = 15_000;
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);

const toolEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

/** A quality gate passes when all its commands exit 0; each is shown as the npx line it equals. */
const gates = [
  {
    name: 'typecheck',
    commands: [
      ['npm run build', 'npm', ['run', '--silent', 'build']],
      ['npx tsc -p tsconfig.spec.json', bin('tsc'), ['-p', 'tsconfig.spec.json']],
    ],
  },
  {
    name: 'lint',
    commands: [
      ['npx nx show projects > /dev/null', bin('nx'), ['show', 'projects'], 'ignore'],
      ['npx eslint --max-warnings 0 .', bin('eslint'), ['--max-warnings', '0', '.']],
    ],
  },
  {
    name: 'format',
    commands: [['npx prettier --check .', bin('prettier'), ['--check', '.']]],
  },
];

const results = []; // { name, ok, ms, detail? }
let passed = 0;
let failed = 0;

async function step(name, action) {
  const started = Date.now();
  log.step(name, 'starting');
  let outcome;
  try {
    outcome = await action();
  } catch (error) {
    reportError(name, error);
    outcome = { ok: false };
  }
  const ms = Date.now() - started;
  results.push({ name, ms, ...outcome });
  (outcome.ok ? log.ok : log.fail)(
    name,
    `${outcome.ok ? 'passed' : 'FAILED'} in ${formatDuration(ms)}`,
  );
  return outcome;
}

async function runGate({ commands }) {
  let ok = true;
  const timings = [];
  for (const [shownAs, command, commandArgs, stdout = 'inherit'] of commands) {
    log.info('', color.dim(shownAs));
    const started = Date.now();
    const code = await run(command, commandArgs, { env: toolEnv, stdout });
    const took = formatDuration(Date.now() - started);
    timings.push(`${shownAs.replace(/^npx |^npm run | >.*$/g, '')} ${took}`);
    if (code !== 0) {
      log.fail('', `${shownAs} exited with ${code} after ${took}`);
      ok = false;
    }
  }
  return { ok, detail: timings.join(', ') };
}

/**
 * Runs Jest; if it has written its results but does not exit (a test left a handle open), it is
 * stopped after a grace period instead of hanging CI.
 */
function spawnJest(env) {
  return new Promise((resolvePromise) => {
    const child = spawn(
      bin('jest'),
      ['--ci', '--json', `--outputFile=${jestResultsFile}`, ...jestArgs],
      { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    let hung = false;
    const watchdog = setInterval(() => {
      if (!existsSync(jestResultsFile)) return;
      clearInterval(watchdog);
      setTimeout(() => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        hung = true;
        log.warn(
          'jest',
          `results are written but Jest has not exited after ${formatDuration(JEST_EXIT_GRACE_MS)}: ` +
            'a test leaves a handle open (find it with `npm test -- --only-jest --detectOpenHandles`); stopping Jest',
        );
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }, JEST_EXIT_GRACE_MS).unref();
    }, 1000);
    child.once('error', (error) => {
      console.error(`cannot run jest: ${error.message}`);
    });
    child.once('close', (code) => {
      clearInterval(watchdog);
      resolvePromise({ code: code ?? 1, hung });
    });
  });
}

async function runJest(env) {
  ensureDir(dataDir);
  rmSync(jestResultsFile, { force: true });
  const { code, hung } = await spawnJest({ ...toolEnv, ...env, TZ: 'UTC', NODE_ENV: 'test' });
  if (!existsSync(jestResultsFile)) {
    return {
      ok: false,
      tests: { passed: 0, failed: 1 },
      detail: `jest exited with ${code} and wrote no results`,
    };
  }
  const report = JSON.parse(readFileSync(jestResultsFile, 'utf8'));
  const testsPassed = report.numPassedTests;
  let testsFailed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  // Jest's verdict when it was stopped after writing results, else its exit code.
  const jestOk = hung ? report.success : code === 0;
  // A failure outside any test (no tests found, a failing global setup…) still counts once.
  if (!jestOk && testsFailed === 0) testsFailed = 1;
  return {
    ok: jestOk && testsFailed === 0,
    tests: { passed: testsPassed, failed: testsFailed },
    detail:
      `${testsPassed} passed, ${testsFailed} failed in ${report.numTotalTestSuites} suites` +
      (report.numRuntimeErrorTestSuites
        ? ` (${report.numRuntimeErrorTestSuites} suites could not run)`
        : '') +
      (hung ? '; Jest did not exit by itself (open handles)' : ''),
  };
}

function printSummary(totalMs) {
  console.log(`\n${color.bold('Summary')}`);
  for (const { name, ok, ms, detail } of results) {
    const mark = ok ? color.green('✔') : color.red('✖');
    console.log(
      `  ${mark} ${name.padEnd(13)}${formatDuration(ms).padStart(8)}${detail ? `   ${detail}` : ''}`,
    );
  }
  console.log(`  total ${formatDuration(totalMs)}`);
}

async function main() {
  const started = Date.now();
  const install = await step('dependencies', async () => {
    await ensureDependencies();
    return { ok: true };
  });
  if (!install.ok) {
    failed += 1;
    return;
  }

  let env = infraEnv(infraSettings());
  const infra = await step('infra', async () => {
    env = (await prepareInfra()).env;
    return { ok: true };
  });
  // Infrastructure is a precondition, not a gate: it counts only when it fails.
  if (!infra.ok) failed += 1;

  if (onlyJest) {
    log.warn('test', '--only-jest: skipping the typecheck, lint and format gates');
  } else {
    for (const gate of gates) {
      const { ok } = await step(gate.name, () => runGate(gate));
      if (ok) passed += 1;
      else failed += 1;
    }
  }

  const jest = await step('jest', () => runJest(env));
  passed += jest.tests?.passed ?? 0;
  failed += jest.tests?.failed ?? (jest.ok ? 0 : 1);
  printSummary(Date.now() - started);
}

try {
  await main();
} catch (error) {
  reportError('test', error);
  failed += 1;
}
// The very last line, parsed by CI: keep it exactly this shape.
const code = failed > 0 ? 1 : 0;
process.stdout.write(`${passed} passed, ${failed} failed\n`, () => process.exit(code));
