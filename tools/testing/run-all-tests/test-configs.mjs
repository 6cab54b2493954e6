// @ts-check
// Finds the jest configs of each test size (repo-relative paths).
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { repoRoot } from '../../lib/paths.mjs';

const API_E2E_CONFIG = 'apps/api-e2e/jest.config.cts';
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'tmp',
  'coverage',
  'test-output',
  '.git',
  '.nx',
  '.angular',
  '.data',
]);

/** jest.config.cts of every app and lib, except the *-e2e projects. */
export function unitConfigs() {
  const apps = listDir('apps')
    .map((app) => `apps/${app}/jest.config.cts`)
    .filter((file) => existsSync(join(repoRoot, file)));
  const libs = findFiles('libs', 'jest.config.cts');
  return [...apps, ...libs]
    .filter((file) => !basename(dirname(file)).endsWith('-e2e'))
    .sort();
}

export function integrationConfigs() {
  return findFiles('.', 'jest.integration.config.cts').sort();
}

export function e2eConfigs() {
  return existsSync(join(repoRoot, API_E2E_CONFIG)) ? [API_E2E_CONFIG] : [];
}

/** A file name for the report of a config: its folder with dashes, e.g. `libs-server-core`. */
/** @param {string} config */
export function jestRunName(config) {
  return (
    relative(repoRoot, dirname(join(repoRoot, config))).replaceAll('/', '-') ||
    'root'
  );
}

/** Repo-relative paths of files called `name` under `folder`, skipping build output and dependencies. */
/**
 * @param {string} folder
 * @param {string} name
 */
function findFiles(folder, name) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} relativeDir */
  const walk = (relativeDir) => {
    for (const entry of readdirSync(join(repoRoot, relativeDir), {
      withFileTypes: true,
    })) {
      const path =
        relativeDir === '.' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(path);
      else if (entry.isFile() && entry.name === name) found.push(path);
    }
  };
  if (existsSync(join(repoRoot, folder))) walk(folder);
  return found;
}

/** @param {string} folder */
function listDir(folder) {
  return existsSync(join(repoRoot, folder))
    ? readdirSync(join(repoRoot, folder))
    : [];
}
