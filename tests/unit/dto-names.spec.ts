import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('request DTOs', () => {
  it('have names unique across the API, so the OpenAPI document keeps every schema (Swagger keys them by class name)', () => {
    const seen = new Map<string, string[]>();
    for (const file of files(join(__dirname, '..', '..', 'apps', 'api', 'src'))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/class (\w+Dto)\b/g)) seen.set(name, [...(seen.get(name) ?? []), file]);
    }
    expect([...seen].filter(([, where]) => where.length > 1)).toEqual([]);
    expect(seen.size).toBeGreaterThan(30);
  });
});
