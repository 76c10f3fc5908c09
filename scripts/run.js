#!/usr/bin/env node
// The entry of `npm start`, `npm run dev`, `npm test`, `npm run token` and `npm run audit:verify`
// (`node scripts/run.js deps` only installs, e.g. before `npm run lint` in CI).
// Plain JavaScript with no dependencies: it has to run before `node_modules` exists.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const say = (m) => process.stderr.write(`[sro] ${m}\n`);

function dependencyHash() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  hash.update(process.version);
  return hash.digest('hex');
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
function ensureDependencies() {
  const stamp = join(root, 'node_modules', '.sro-deps');
  const wanted = dependencyHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  // `npm ci`: exactly the lock file's versions (the lock lists every platform's optional packages).
  say('installing dependencies (npm ci)…');
  // stdout goes to stderr so that `npm run -s token` prints only the token
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    say('npm could not install the dependencies; see the output above.');
    process.exit(result.status || 1);
  }
  writeFileSync(stamp, wanted);
}

function ensureBuilt() {
  require('./build.js').build();
}

const commands = {
  deps: null,
  start: 'dist/scripts/cli/start.js',
  dev: 'dist/scripts/cli/dev.js',
  token: 'dist/scripts/cli/token.js',
  'audit-verify': 'dist/scripts/cli/audit-verify.js',
  migrate: 'dist/scripts/cli/migrate.js',
  openapi: 'dist/scripts/cli/openapi.js',
  test: 'dist/scripts/cli/test.js',
  'record-histories': 'dist/scripts/cli/record-histories.js',
  'bench-reminders': 'dist/scripts/cli/bench-reminders.js',
  'bench-dashboard': 'dist/scripts/cli/bench-dashboard.js',
  'bench-search': 'dist/scripts/cli/bench-search.js',
  'bench-tasks': 'dist/scripts/cli/bench-tasks.js',
  'bench-inbox': 'dist/scripts/cli/bench-inbox.js',
  'bench-replay': 'dist/scripts/cli/bench-replay.js',
  bench: 'dist/scripts/cli/bench.js',
  soak: 'dist/scripts/cli/soak.js',
  backup: 'dist/scripts/cli/backup.js',
  restore: 'dist/scripts/cli/backup.js',
};

const [command, ...args] = process.argv.slice(2);
if (!(command in commands)) {
  say(`usage: node scripts/run.js <${Object.keys(commands).join('|')}> [args]`);
  process.exit(2);
}
ensureDependencies();
if (command === 'deps') process.exit(0);
ensureBuilt();
process.argv = [
  process.argv[0],
  join(root, commands[command]),
  ...(command === 'backup' || command === 'restore' ? [command] : []),
  ...args,
];
require(join(root, commands[command]));
