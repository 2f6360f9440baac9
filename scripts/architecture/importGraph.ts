// The import graph of the source tree, read as text: every static, type-only, re-export and
// dynamic import, in .ts and .svelte files alike. Bundlers and some graph tools drop
// `import type` edges and never open .svelte files; a cycle or a layer breach that closes
// only through them is still a cycle to the reader, so this graph keeps them.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

export type EdgeKind = 'static' | 'dynamic' | 'worker';

export interface Edge {
  /** A repo-relative file path for a local module, or the bare specifier of a package. */
  to: string;
  kind: EdgeKind;
  external: boolean;
}

const STATIC_IMPORT = /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g;
const SIDE_EFFECT_IMPORT = /\bimport\s*['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
const WORKER_URL = /new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g;
/** How a specifier may omit its file's ending, in the order Vite tries them. */
const ENDINGS = ['', '.ts', '.svelte.ts', '.js', '.mjs', '.svelte', '/index.ts'];

/** Source text without comments, so a path named in prose is not an import. */
function withoutComments(text: string): string {
  return text.replace(/^\s*\/\*[\s\S]*?\*\//gm, '').replace(/(^|[^:'"\w])\/\/.*$/gm, '$1');
}

/** The specifiers `text` imports, each with how it is imported. */
export function importSpecifiers(text: string): { spec: string; kind: EdgeKind }[] {
  const code = withoutComments(text);
  const found: { spec: string; kind: EdgeKind }[] = [];
  const collect = (pattern: RegExp, kind: EdgeKind) => {
    for (const match of code.matchAll(pattern)) found.push({ spec: match[1], kind });
  };
  collect(STATIC_IMPORT, 'static');
  collect(SIDE_EFFECT_IMPORT, 'static');
  collect(DYNAMIC_IMPORT, 'dynamic');
  collect(WORKER_URL, 'worker');
  return found;
}

/** The repo-relative file a relative specifier names, or null when none exists. */
export function resolveLocal(fromFile: string, spec: string, exists: (path: string) => boolean) {
  const bare = normalize(join(dirname(fromFile), spec.split('?')[0]));
  for (const ending of ENDINGS) if (exists(bare + ending)) return bare + ending;
  return null;
}

/** Each file's outgoing edges; relative specifiers that resolve to no file are reported. */
export function buildGraph(root: string, files: string[]) {
  const known = new Set(files);
  const exists = (path: string) => known.has(path) || existsSync(join(root, path));
  const graph = new Map<string, Edge[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const edges: Edge[] = [];
    for (const { spec, kind } of importSpecifiers(readFileSync(join(root, file), 'utf8'))) {
      if (!spec.startsWith('.')) {
        edges.push({ to: spec, kind, external: true });
        continue;
      }
      const to = resolveLocal(file, spec, exists);
      if (to) edges.push({ to, kind, external: false });
      else unresolved.push(`${file} → ${spec}`);
    }
    graph.set(file, edges);
  }
  return { graph, unresolved };
}

/** Every strongly connected set of more than one file, or a file importing itself (Tarjan). */
export function findCycles(adjacency: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of adjacency.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    const selfLoop = (adjacency.get(node) ?? []).includes(node);
    if (members.length > 1 || selfLoop) cycles.push(members.sort());
  };
  for (const node of adjacency.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Every file reachable from `start` along `follow` edges, `start` included. */
export function reachable(
  graph: Map<string, Edge[]>,
  start: string,
  follow: (edge: Edge) => boolean,
): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const edge of graph.get(queue.pop()!) ?? []) {
      if (edge.external || !follow(edge) || seen.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
  return seen;
}
