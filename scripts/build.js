#!/usr/bin/env node
// Compiles TypeScript to dist/ (aliases rewritten), bundles the workflow code and builds the web app
// (apps/web with Vite into dist/web), each skipped when its sources did not change since the last build.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const SOURCE_DIRS = ['apps', 'libs', 'workflows', 'scripts'];
const WEB_DIR = join('apps', 'web');
const say = (m) => process.stderr.write(`[sro] ${m}\n`);

function* files(dir, pattern = /\.(ts|js|json)$/) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (path === join(root, WEB_DIR)) continue; // built by Vite, hashed on its own
    if (entry.isDirectory()) yield* files(path, pattern);
    else if (pattern.test(entry.name)) yield path;
  }
}

function hashOf(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.sort()) {
    if (!existsSync(file)) continue;
    const s = statSync(file);
    hash.update(`${relative(root, file)}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function sourceHash() {
  return hashOf([
    ...SOURCE_DIRS.flatMap((d) => [...files(join(root, d))]),
    join(root, 'tsconfig.json'),
    join(root, 'tsconfig.build.json'),
    join(root, 'package-lock.json'),
  ]);
}

function webHash() {
  const web = join(root, WEB_DIR);
  const inputs = [];
  (function walk(dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else inputs.push(path);
    }
  })(web);
  return hashOf([...inputs, join(root, 'package-lock.json')]);
}

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) {
    say(`${what} failed`);
    process.exit(result.status || 1);
  }
}

/** Type-checks apps/web and builds it with Vite into dist/web when its sources changed. */
function buildWeb({ force = false } = {}) {
  const stamp = join(root, 'dist', '.sro-build-web');
  const wanted = webHash();
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(join(root, 'dist', 'web', 'index.html'))) return;
  say('building the web app (tsc, vite)…');
  mkdirSync(join(root, 'dist'), { recursive: true });
  run([require.resolve('typescript/bin/tsc'), '-p', join(WEB_DIR, 'tsconfig.json'), '--noEmit'], 'web app type check');
  run(
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(WEB_DIR, 'vite.config.mjs'), '--logLevel', 'warn'],
    'web app build',
  );
  writeFileSync(stamp, wanted);
}

/** Builds when sources changed (always with `force`); exits the process on a compile error. */
function build({ force = false } = {}) {
  const stamp = join(root, 'dist', '.sro-build');
  const wanted = sourceHash();
  if (force || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    say('building (tsc, workflow bundle)…');
    mkdirSync(join(root, 'dist'), { recursive: true });
    run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], 'TypeScript compilation');
    run([require.resolve('tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json'], 'alias rewriting');
    run(
      [
        join(root, 'dist', 'scripts', 'cli', 'bundle-workflows.js'),
        join(root, 'dist', 'workflow-bundle.js'),
        join(root, 'dist', 'workflow-bundle.testing.js'),
      ],
      'workflow bundling',
    );
    // The web app's API types come from the OpenAPI document; in CI a stale checked-in file fails the build.
    say(process.env.CI ? 'checking the generated API types…' : 'generating the API types…');
    run([join(root, 'dist', 'scripts', 'cli', 'openapi.js'), ...(process.env.CI ? ['--check'] : [])], 'API type generation');
    writeFileSync(stamp, wanted);
  }
  buildWeb({ force });
}

module.exports = { build };
if (require.main === module) build({ force: process.argv.includes('--force') });
