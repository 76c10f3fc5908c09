import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder upwards whose package.json is this project's. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'sro-engine') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the sro-engine package.json above ${from}`);
    dir = parent;
  }
}

/** `.data/` of the repository, or SRO_DATA_DIR (another installation on one machine, the backup fault test). */
export const dataDir = (root = repoRoot()): string => process.env.SRO_DATA_DIR || join(root, '.data');
export const toolsDir = (root = repoRoot()): string => join(root, '.tools');
