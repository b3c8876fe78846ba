import { arch, platform } from 'node:process';

/**
 * The dbmate executable from its per-platform npm package. We depend on `@dbmate/linux-x64`
 * directly rather than on the `dbmate` wrapper: the wrapper lists every platform's package as an
 * optional dependency, and the offline registry here lacks the non-Linux ones, which leaves a
 * lock file that `npm ci` refuses on a clean clone. Another platform adds its own package.
 */
export function resolveDbmateBinary(): string {
  const executable = `@dbmate/${platform}-${arch}/bin/dbmate${platform === 'win32' ? '.exe' : ''}`;
  try {
    return require.resolve(executable);
  } catch {
    throw new Error(
      `dbmate has no binary for ${platform}-${arch} (looked for ${executable}); ` +
        `install it with: npm install @dbmate/${platform}-${arch}`,
    );
  }
}
