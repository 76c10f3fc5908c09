import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const workflowsDir = join(__dirname, '..', '..', 'workflows');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'histories' ? [] : tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('workflow code stays deterministic', () => {
  const files = tsFiles(workflowsDir);

  it('finds the workflow sources', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(workflowsDir, f), f]))(
    '%s imports only @temporalio/workflow, its own files and types',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const imports = [...source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)];
      for (const [, , typeOnly, specifier] of imports) {
        const allowed = specifier === '@temporalio/workflow' || specifier.startsWith('.') || (typeOnly && specifier.startsWith('@sro/'));
        expect({ specifier, allowed }).toEqual({ specifier, allowed: true });
      }
      // Date.now() is replayed deterministically by the sandbox; these are not what workflows should use.
      expect(source).not.toMatch(/\bprocess\.env\b|\bMath\.random\(|\bsetTimeout\(|\brequire\(/);
    },
  );
});
