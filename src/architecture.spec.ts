import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = __dirname;
const IMPORT = /\b(?:from|import)\s*\(?\s*'(\.[^']+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a file sits in; files at the root of src/ (the processes' modules) belong to none. */
function folderOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0] : null;
}

/** Edges between top-level folders of src/, from relative imports, with one importing file per edge. */
function folderGraph(files: string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = folderOf(file);
    if (!from) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(resolve(dirname(file), specifier));
      if (!to || to === from || to.startsWith('..')) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)!.set(to, relative(SRC, file));
    }
  }
  return graph;
}

/** Groups of two or more folders that reach each other (Tarjan's strongly connected components). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const INFRASTRUCTURE = ['config', 'database', 'queue', 'common'];

describe('architecture: the folders of src/', () => {
  const graph = folderGraph(sourceFiles(SRC));

  it('finds the imports between folders (so the checks below look at something)', () => {
    expect(graph.get('claims')?.has('articles')).toBe(true);
    expect(graph.get('review')?.has('claims')).toBe(true);
  });

  it('depend one way: no group of folders reaches each other', () => {
    const explained = cycles(graph).map((group) =>
      group.flatMap((from) => group.filter((to) => graph.get(from)?.has(to)).map((to) => `${from} -> ${to} (${graph.get(from)!.get(to)})`)),
    );
    expect(explained).toEqual([]);
  });

  it('infrastructure (config, database, queue, common) imports no domain folder', () => {
    const reached = INFRASTRUCTURE.flatMap((from) =>
      [...(graph.get(from)?.entries() ?? [])].filter(([to]) => !INFRASTRUCTURE.includes(to)).map(([to, file]) => `${from} -> ${to} (${file})`),
    );
    expect(reached).toEqual([]);
  });
});
