// `npm run migrations:land`: records each migration not yet in supabase/landed-migrations.sha256
// with its SHA-256 (the format `sha256sum -c` reads). A recorded migration has landed: it never
// changes again (test/unit/landed-migrations.test.ts), and a running schema changes through a
// new migration. Existing lines are never rewritten; a recorded file that changed is an error.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'supabase', 'migrations');
export const LANDED_FILE = path.join(ROOT, 'supabase', 'landed-migrations.sha256');

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Parses the checksum file's text into file → checksum, in its order. */
export function parseChecksums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line.trim());
    if (match) sums.set(match[2]!, match[1]!);
  }
  return sums;
}

export function landedChecksums(): Map<string, string> {
  return existsSync(LANDED_FILE) ? parseChecksums(readFileSync(LANDED_FILE, 'utf8')) : new Map();
}

/** Every migration file's checksum as it is now, sorted by name. */
export function migrationChecksums(dir = MIGRATIONS_DIR): Map<string, string> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return new Map(files.map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const landed = landedChecksums();
  const current = migrationChecksums();
  let failed = false;
  for (const [file, sum] of landed) {
    if (current.get(file) !== sum) {
      failed = true;
      console.error(`supabase/migrations/${file} changed after it landed: put it back and add a new migration instead`);
    }
  }
  const added = [...current].filter(([file]) => !landed.has(file));
  if (!failed && added.length) {
    appendFileSync(LANDED_FILE, added.map(([file, sum]) => `${sum}  ${file}\n`).join(''));
    for (const [file] of added) console.log(`landed ${file}`);
  } else if (!failed) console.log(`all ${current.size} migrations recorded in ${path.relative(process.cwd(), LANDED_FILE)}`);
  process.exitCode = failed ? 1 : 0;
}
