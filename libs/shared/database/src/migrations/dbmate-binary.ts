import { createRequire } from 'node:module';
import { arch, platform } from 'node:process';

/**
 * The dbmate executable shipped by the `dbmate` npm package, which installs it through a
 * per-platform optional dependency (`@dbmate/linux-x64`…). The `dbmate` package itself is ESM
 * only, so its `resolveBinary` helper is re-done here rather than imported.
 */
export function resolveDbmateBinary(): string {
  const executable = `@dbmate/${platform}-${arch}/bin/dbmate${platform === 'win32' ? '.exe' : ''}`;
  // Resolve from the dbmate package so that a nested platform package is found too.
  const fromDbmate = createRequire(require.resolve('dbmate/package.json'));
  try {
    return fromDbmate.resolve(executable);
  } catch {
    throw new Error(
      `dbmate has no binary for ${platform}-${arch} (looked for ${executable}); ` +
        'reinstall dependencies without --no-optional.',
    );
  }
}
