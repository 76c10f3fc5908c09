import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', '..', 'apps', 'web', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The app's own modules a file imports at run time (relative specifiers resolved to files; `import type` is erased). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1]);
  return specifiers.flatMap((s) => {
    const base = resolve(dirname(file), s);
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    return found ? [found] : [];
  });
}

describe('web app structure', () => {
  const files = sources(SRC);
  const graph = new Map(files.map((f) => [f, localImports(f)]));

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps pages in feature folders: shared code imports no feature', () => {
    const features = ['cases', 'fallteam', 'jugendhilfedienst', 'sozialraum', 'interviews', 'agreements', 'admin', 'tasks'];
    const offending = files
      .filter((f) => relative(SRC, f).startsWith('shared/'))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((i) => features.includes(relative(SRC, i).split('/')[0]))
          .map((i) => `${relative(SRC, f)} → ${relative(SRC, i)}`),
      );
    expect(offending).toEqual([]);
  });

  it('gives every page a heading and a document title (PageTitle), never a bare h1', () => {
    const bare = files
      .filter((f) => !f.endsWith('Page.tsx') || !f.includes('/shared/'))
      .filter((f) => /<h1[\s>]/.test(readFileSync(f, 'utf8')));
    expect(bare.map((f) => relative(SRC, f))).toEqual([]);
  });
});
