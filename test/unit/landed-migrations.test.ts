// A migration that has landed never changes (a database that ran it would not run it again, so an
// edit reaches only new databases): supabase/landed-migrations.sha256 records each one's
// checksum, and a running schema changes through a new migration (workflows/README.md).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { landedChecksums, migrationChecksums, parseChecksums } from '../../scripts/land-migrations.ts';

/** The checksum file as the last commit has it, when this is a git checkout. */
function committedChecksums(): Map<string, string> | null {
  try {
    return parseChecksums(execFileSync('git', ['show', 'HEAD:supabase/landed-migrations.sha256'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return null;
  }
}

describe('landed migrations', () => {
  const landed = landedChecksums();
  const current = migrationChecksums();

  it('every landed migration is there, byte for byte', () => {
    const changed = [...landed].filter(([file, sum]) => current.get(file) !== sum).map(([file]) => file);
    expect(changed, `changed or removed after landing (add a new migration instead): ${changed.join(', ')}`).toEqual([]);
  });

  it('every migration is recorded (npm run migrations:land once it is final)', () => {
    const unrecorded = [...current.keys()].filter((file) => !landed.has(file));
    expect(unrecorded, 'not in supabase/landed-migrations.sha256: run npm run migrations:land').toEqual([]);
  });

  it('no recorded checksum was rewritten since the last commit', () => {
    const committed = committedChecksums() ?? landed; // outside a git checkout there is nothing to compare
    const rewritten = [...committed].filter(([file, sum]) => landed.get(file) !== sum).map(([file]) => file);
    expect(rewritten, `supabase/landed-migrations.sha256 lines changed: ${rewritten.join(', ')}`).toEqual([]);
  });
});
