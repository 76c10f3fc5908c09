#!/usr/bin/env node
// Compiles TypeScript to dist/ (aliases rewritten) and bundles the workflow code, skipping both
// when no source changed since the last build.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const SOURCE_DIRS = ['apps', 'libs', 'workflows', 'scripts'];
const say = (m) => process.stderr.write(`[sro] ${m}\n`);

function* files(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(ts|js|json)$/.test(entry.name)) yield path;
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [...SOURCE_DIRS.flatMap((d) => [...files(join(root, d))]), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'), join(root, 'package-lock.json')];
  for (const file of inputs.sort()) {
    if (!existsSync(file)) continue;
    const s = statSync(file);
    hash.update(`${relative(root, file)}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) {
    say(`${what} failed`);
    process.exit(result.status || 1);
  }
}

/** Builds when sources changed; exits the process on a compile error. */
function build({ quiet = false, force = false } = {}) {
  const stamp = join(root, 'dist', '.sro-build');
  const wanted = sourceHash();
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  if (!quiet || true) say('building (tsc, workflow bundle)…');
  mkdirSync(join(root, 'dist'), { recursive: true });
  run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], 'TypeScript compilation');
  run([require.resolve('tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json'], 'alias rewriting');
  run([join(root, 'dist', 'scripts', 'cli', 'bundle-workflows.js'), join(root, 'dist', 'workflow-bundle.js')], 'workflow bundling');
  writeFileSync(stamp, wanted);
}

module.exports = { build };
if (require.main === module) build({ force: process.argv.includes('--force') });
