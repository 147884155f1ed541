// src/types/database.ts is generated (`npm run db:types`, scripts/gen-types.ts): this holds the
// committed file to the migrations, and the generator to `supabase gen types typescript`.
//
// The test stack's own database is not what npm start's is: test/setup/stack.ts installs the
// test-only sample workflow, whose migrations add a table and values to the core's enums
// (unit_kind, member_role). So the types are generated here as `npm run db:types` generates
// them, from the migrations alone: stack/bootstrap.sql and supabase/migrations/*.sql in a
// scratch database on the test stack's PostgreSQL, dropped afterwards.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { generateFromMigrations, readCatalog, renderTypes, STALE_MESSAGE, TYPES_FILE, withScratchDatabase } from '../../scripts/gen-types.ts';
import { projectRoot } from '../../stack/config.ts';
import { stack } from '../support/clients.ts';

/** The first line where two texts differ, for the failure message. */
function firstDifference(expected: string, actual: string, names = ['expected', 'got']): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((lineText, n) => lineText !== b[n]);
  const at = i === -1 ? a.length : i;
  const show = (l: string | undefined) => JSON.stringify(l ?? '(end of file)');
  return `line ${at + 1}: ${names[0]} ${show(a[at])}, ${names[1]} ${show(b[at])}`;
}

it('src/types/database.ts is what npm run db:types generates from the migrations', async () => {
  const { superuserUrl, dbUrl } = stack();
  const generated = await generateFromMigrations({ superuserUrl, url: dbUrl });
  let committed = '';
  try {
    committed = readFileSync(TYPES_FILE, 'utf8');
  } catch {
    // no file: stale as well
  }
  if (committed !== generated) expect.fail(`${STALE_MESSAGE} (${firstDifference(generated, committed, ['generated', 'committed'])})`);
});

it('renders a schema byte for byte as postgres-meta and prettier do for supabase gen types', async () => {
  const fixture = path.join(projectRoot, 'test', 'fixtures', 'gen-types');
  const { superuserUrl, dbUrl } = stack();
  const output = await withScratchDatabase(
    superuserUrl,
    async (urlFor) => {
      const client = new pg.Client({ connectionString: urlFor(dbUrl) });
      await client.connect();
      try {
        await client.query(readFileSync(path.join(fixture, 'schema.sql'), 'utf8'));
        return renderTypes(await readCatalog(client, ['public']), { postgrestVersion: '12.0.2' });
      } finally {
        await client.end();
      }
    },
    'postgres',
  );
  const expected = readFileSync(path.join(fixture, 'expected.ts.txt'), 'utf8');
  if (output !== expected) expect.fail(`gen-types differs from the CLI's output (${firstDifference(expected, output)})`);
});
