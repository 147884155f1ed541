// `npm run bench:grid-import`: a roster of 10,000 households (100 micro-grids of one grid, 100
// households each) imported by a street office, as the admin does it: the .xlsx read and checked
// as the browser reads it (read-excel-file, parseRoster), then one grid_import_households call
// through the API. The figure is the wall time from the file's bytes to the answer; bar ≤ 10 s
// (issue 15). The same file again must change nothing (all unchanged), timed too. Starts its own
// stack (temporary folder, free ports). Exits 1 when missed.
import { performance } from 'node:perf_hooks';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { benchPlace, benchStack, member, timed } from '../../../test/bench/support.ts';
import { messages } from '../messages.ts';
import { parseRoster, ROSTER_COLUMNS, type RosterColumn } from '../roster.ts';

const ROWS = 10_000;
const MICRO_GRIDS = 100;
const BAR_MS = 10_000;

const { stack, db, close } = await benchStack('grid-import');
await stack.scheduler.stop();
let failed = false;
try {
  const { street, community } = await benchPlace(db);
  const { rows: [grid] } = await db.query<{ id: string }>("insert into public.units (kind, name, parent_id) values ('grid', '压测网格', $1) returning id", [community]);
  await db.query(
    "insert into public.units (kind, name, parent_id) select 'micro_grid', '压测微网格' || g, $1 from generate_series(1, $2) g", [grid!.id, MICRO_GRIDS],
  );
  const { client } = await member(stack, db, 'office@bench.local', [{ unit: street, role: 'street_office' }]);

  const zh = messages['zh-CN'].import.kinds.households.columns;
  const header = ROSTER_COLUMNS.map((c) => ({ value: zh[c.key] }));
  const body = Array.from({ length: ROWS }, (_, i) => {
    const values: Record<RosterColumn, string | number> = {
      community: '压测社区', grid: `压测微网格${1 + (i % MICRO_GRIDS)}`, compound: '压测小区', building: String(1 + Math.floor(i / 400)),
      unit_no: String(1 + (Math.floor(i / 100) % 4)), room: String(101 + (i % 100)), size: 1 + (i % 5), contact_name: '压测住户',
      contact_phone: `139${String(10_000_000 + i).padStart(8, '0')}`, tags: '', note: '',
    };
    return ROSTER_COLUMNS.map((c) => ({ value: values[c.key] }));
  });
  const file = await timed(`an .xlsx of ${ROWS} households`, () => writeXlsxFile([header, ...body]).toBuffer());
  const titles = Object.fromEntries(ROSTER_COLUMNS.map((c) => [zh[c.key], c.key])) as Record<string, RosterColumn>;

  const importOnce = async () => {
    const started = performance.now();
    const { rows, problems } = parseRoster(await readSheet(file), titles, []);
    if (problems.length) throw new Error(`the roster has problems: ${JSON.stringify(problems.slice(0, 3))}`);
    const parsed = performance.now();
    const { data, error } = await client.rpc('grid_import_households', { p_street_id: Number(street), p_rows: rows });
    if (error) throw new Error(error.message);
    return { ms: performance.now() - started, readMs: parsed - started, answer: data as { inserted: number; updated: number; unchanged: number } };
  };
  for (const [label, expected] of [['first import', { inserted: ROWS, updated: 0, unchanged: 0 }], ['the same file again', { inserted: 0, updated: 0, unchanged: ROWS }]] as const) {
    const { ms, readMs, answer } = await importOnce();
    const right = (Object.keys(expected) as (keyof typeof expected)[]).every((k) => answer[k] === expected[k]);
    console.log(`${label}: ${(ms / 1000).toFixed(2)} s (read and checked in the browser's way ${(readMs / 1000).toFixed(2)} s), inserted ${answer.inserted}, updated ${answer.updated}, unchanged ${answer.unchanged} — bar ≤ ${BAR_MS / 1000} s${ms <= BAR_MS && right ? '' : '  ← MISSED'}`);
    if (ms > BAR_MS || !right) failed = true;
  }
} finally {
  await close();
}
process.exit(failed ? 1 : 0);
