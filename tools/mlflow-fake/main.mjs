#!/usr/bin/env node
// @ts-check
// CLI: node tools/mlflow-fake/main.mjs --port 5055 --models 50 --versions-per-model 3
// Prints one line, `Fake MLflow on <url> (N models, M versions, auth X)`, then serves until SIGINT/SIGTERM.
import { parseOptions, USAGE } from './options.mjs';
import { startFakeMlflow } from './server.mjs';

/** The parsed flags; prints the usage and exits on a bad flag. */
function optionsOrExit() {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : error}\n\n${USAGE}`,
    );
    return process.exit(2);
  }
}

async function main() {
  const parsed = optionsOrExit();
  if (parsed.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  const fake = await startFakeMlflow(parsed.options);
  const stats = fake.app.describe();
  process.stdout.write(
    `Fake MLflow on ${fake.url} (${stats.models} models, ${stats.versions} versions, auth ${fake.auth})\n`,
  );
  let stopping = false;
  const stop = async (/** @type {string} */ signal) => {
    if (stopping) process.exit(1);
    stopping = true;
    await fake.close();
    process.stderr.write(`Fake MLflow stopped (${signal})\n`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(
    `Fake MLflow failed to start: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exit(1);
});
