// `npm run bench:bundle`: the admin's initial JavaScript, gzipped (zlib level 9). Runs
// `vite build` into a temporary folder, reads the built index.html for its entry script and the
// chunks it modulepreloads, adds every chunk those import statically (the browser fetches them
// before the entry runs, listed or not), and prints each chunk's size and the total, and which
// packages the bytes come from. Then what the first screens add before they paint: the login
// page's lazy chunks, and after signing in the layout's and the dashboard's (each with what it
// imports statically). Bar: initial ≤ 350 KB.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { projectRoot } from '../../stack/config.ts';
import { machine } from './support.ts';

const BAR_KB = 350;
const TOP = Number(/--top[= ](\d+)/.exec(process.argv.slice(2).join(' '))?.[1] ?? 12); // `-- --top 40` for more
// `-- --split antd,@refinedev/antd`: those packages by their folders.
const SPLIT = /--split[= ](\S+)/.exec(process.argv.slice(2).join(' '))?.[1]?.split(',') ?? [];

const gz = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text: string, width: number) => text.padEnd(width);

const outDir = mkdtempSync(path.join(os.tmpdir(), 'qt-bench-bundle-'));
try {
  const result = await build({ root: projectRoot, logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: 'hidden' } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const out of outputs) for (const item of out.output) if (item.type === 'chunk') chunks.set(item.fileName, item);

  // What index.html loads: its module script and its modulepreload links.
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  const listed: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const isEntry = tag.startsWith('<script') && attr(tag, 'type') === 'module';
    const isPreload = tag.startsWith('<link') && attr(tag, 'rel') === 'modulepreload';
    const href = isEntry ? attr(tag, 'src') : isPreload ? attr(tag, 'href') : undefined;
    if (href) listed.push(href.replace(/^\//, ''));
  }
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="\/?([^"]+)"/g)].map((m) => m[1]!);

  /** A chunk and every chunk it imports statically, transitively. */
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const dep of chunks.get(file)?.imports ?? []) visit(dep);
    };
    roots.forEach(visit);
    return seen;
  };
  const initial = closure(listed);
  const unlisted = [...initial].filter((f) => !listed.includes(f));

  const sizeOf = (file: string) => gz(readFileSync(path.join(outDir, file)));
  const describe = (chunk: Rolldown.OutputChunk | undefined) =>
    chunk?.facadeModuleId ? path.relative(projectRoot, chunk.facadeModuleId) : chunk?.isEntry ? 'entry' : 'shared';
  const printChunks = (files: Iterable<string>) => {
    let total = 0;
    const rows = [...files].map((file) => ({ file, size: sizeOf(file) })).sort((a, b) => b.size - a.size);
    for (const { file, size } of rows) {
      total += size;
      console.log(`  ${pad(kb(size), 10)} ${pad(file, 44)} ${describe(chunks.get(file))}`);
    }
    return total;
  };

  console.log(machine());
  console.log(`initial JavaScript (index.html's entry, its ${listed.length - 1} modulepreloads${unlisted.length ? `, ${unlisted.length} more imported statically` : ''}), gzip -9:`);
  const initialTotal = printChunks(initial);
  for (const file of css) console.log(`  (css, not counted: ${file} ${kb(sizeOf(file))})`);

  // Where the initial bytes come from: each chunk's minified bytes attributed to source files
  // through its (hidden) source map, grouped by package or src/ folder, and its gzipped size
  // shared out in the same proportions.
  const groups = new Map<string, number>();
  for (const file of initial) {
    if (!existsSync(path.join(outDir, `${file}.map`))) {
      groups.set('(no source map)', (groups.get('(no source map)') ?? 0) + sizeOf(file));
      continue;
    }
    const map = JSON.parse(readFileSync(path.join(outDir, `${file}.map`), 'utf8')) as { sources: string[]; mappings: string };
    const bytes = bytesPerSource(readFileSync(path.join(outDir, file), 'utf8'), map.mappings, map.sources.length);
    const total = bytes.reduce((a, b) => a + b, 0);
    const chunkGz = sizeOf(file);
    map.sources.forEach((source, i) => {
      const abs = path.resolve(outDir, path.dirname(file), source);
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(abs)?.[1];
      const rel = path.relative(projectRoot, abs);
      const inner = pkg && SPLIT.includes(pkg) ? abs.split(`node_modules/${pkg}/`)[1]!.split('/').slice(0, 2).join('/') : undefined;
      const key = inner ? `${pkg}/${inner}` : pkg ?? (rel.startsWith('..') ? source : rel.split('/').slice(0, rel.startsWith('src/pages') ? 3 : 2).join('/'));
      groups.set(key, (groups.get(key) ?? 0) + (total ? (chunkGz * bytes[i]!) / total : 0));
    });
  }
  const ranked = [...groups].map(([key, size]) => ({ key, size })).sort((a, b) => b.size - a.size);
  console.log(`largest parts of it (${ranked.length} packages and folders, gzipped share; top ${TOP}):`);
  for (const { key, size } of ranked.slice(0, TOP)) console.log(`  ${pad(kb(size), 10)} ${key}`);

  // The first screens' lazy chunks, fetched before they paint: the modules each screen renders
  // (those that are chunks of their own; the others are in the initial chunks already).
  const screens = [
    ['login page', ['src/pages/login/index.tsx']],
    ['dashboard after signing in', ['src/components/layout.tsx', 'src/pages/dashboard/index.tsx']],
  ] as const;
  for (const [screen, modules] of screens) {
    const roots = modules.flatMap((m) => [...chunks.values()].filter((c) => c.facadeModuleId === path.join(projectRoot, m)).map((c) => c.fileName));
    const extra = [...closure(roots)].filter((f) => !initial.has(f));
    console.log(`${screen}: ${extra.length} lazy chunk${extra.length === 1 ? '' : 's'} more before it paints`);
    const added = printChunks(extra);
    console.log(`  ${kb(initialTotal + added)} in all`);
  }

  const met = initialTotal <= BAR_KB * 1024;
  console.log(`initial JavaScript, gzipped: ${kb(initialTotal)} in ${initial.size} chunks  bar ≤ ${BAR_KB} KB: ${met ? 'met' : 'MISSED'}`);
  if (!met) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

/** Bytes of generated code per source, from a source map's mappings (base64 VLQ). */
function bytesPerSource(code: string, mappings: string, sources: number): number[] {
  const bytes = new Array<number>(sources).fill(0);
  const lines = code.split('\n');
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let source = 0;
  mappings.split(';').forEach((line, row) => {
    const length = lines[row]?.length ?? 0;
    let column = 0;
    let last: { column: number; source: number } | undefined;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0]!;
      if (last && last.source >= 0) bytes[last.source]! += column - last.column;
      if (values.length > 1) source += values[1]!;
      last = { column, source: values.length > 1 ? source : -1 };
    }
    if (last && last.source >= 0) bytes[last.source]! += length - last.column;
  });
  return bytes;
}
