import { signDevToken } from '@sro/auth';
import { ALL_ROLES, isRole } from '@sro/common';
import { dataDir } from '../devstack/paths';
import { ensureDevSecrets } from '../devstack/secrets';

/** `npm run -s token -- <role> [subject]`: prints a development token and nothing else. */
async function main(): Promise<void> {
  const [role, subject] = process.argv.slice(2);
  if (!isRole(role)) {
    process.stderr.write(`usage: npm run -s token -- <${ALL_ROLES.join('|')}> [subject]\n`);
    process.exit(2);
  }
  const secret = process.env.AUTH_DEV_SECRET || ensureDevSecrets(dataDir()).AUTH_DEV_SECRET;
  process.stdout.write(`${await signDevToken(secret, role, subject)}\n`);
}

void main();
