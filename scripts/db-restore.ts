// `npm run db:restore FILE`: puts a file of `npm run db:dump` back into the local stack's
// database (`npm start` running), replacing every row in one transaction; PostgREST reloads its
// schema cache after. The database must be at the migrations the dump was taken at; otherwise
// nothing changes. See stack/backup.ts.
//   --db-url URL   another database than the local stack's (supabase/config.toml's port)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localDbUrl, restoreDatabase } from '../stack/backup.ts';
import { StackError } from '../stack/errors.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'db-url': { type: 'string' } } });
const file = positionals[0];
if (!file || !existsSync(file)) {
  console.error(file ? `No such file: ${file}` : 'Usage: npm run db:restore FILE   (a file written by npm run db:dump)');
  process.exit(1);
}

try {
  const counts = await restoreDatabase(values['db-url'] ?? localDbUrl(), path.resolve(file));
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Restored ${Object.keys(counts).length} tables, ${rows} rows from ${path.resolve(file)}.`);
} catch (error) {
  console.error(error instanceof StackError ? error.message : error);
  process.exit(1);
}
