import { loadConfig } from '@mg/shared-config';
import { createConsoleApp } from './console-app';
import { consoleConfigSchema } from './console.config';

/** SIGTERM/SIGINT close the app gracefully: createHttpApp enables Nest's shutdown hooks. */
async function main(): Promise<void> {
  const config = loadConfig(consoleConfigSchema);
  const app = await createConsoleApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad config): stderr is all there is.
  process.stderr.write(
    `console failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
