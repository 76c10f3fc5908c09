import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { say } from './log';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium for the browser tests (playwright-core drives it; `npx playwright install`
 * cannot download its own builds here). Installed with apt-get when missing and we are root.
 */
export function resolveChromium(): string {
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    say("installing Debian's chromium package for the browser tests (apt-get)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (install.status === 0 && existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(
    `The browser tests need Debian's Chromium at ${DEBIAN_CHROMIUM}, and it is missing` +
      (isRoot ? ' (apt-get install chromium failed; see above).' : '. Install it as root: apt-get install chromium'),
  );
}
