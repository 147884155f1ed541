// `npm run db:dump [FILE]`: the whole database of the local stack (`npm start`) to one gzipped
// file; prints its path. Without FILE: backups/db-<date>-<time>.dump.gz. See stack/backup.ts.
//   --db-url URL   another database than the local stack's (supabase/config.toml's port)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dumpDatabase, localDbUrl } from '../stack/backup.ts';
import { StackError } from '../stack/errors.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'db-url': { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const file = path.resolve(positionals[0] ?? path.join('backups', `db-${stamp}.dump.gz`));

try {
  const counts = await dumpDatabase(values['db-url'] ?? localDbUrl(), file);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.error(`Dumped ${Object.keys(counts).length} tables, ${rows} rows.`);
  console.log(file);
} catch (error) {
  console.error(error instanceof StackError ? error.message : error);
  process.exit(1);
}
