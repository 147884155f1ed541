import { describe, expect, it } from 'vitest';
import { parseGoDuration } from '../../stack/auth/tokens.ts';
import { describeSqlError } from '../../stack/migrate.ts';

describe('describeSqlError', () => {
  const sql = "create table a (id int);\n-- 中文注释\ncreate tabel b (id int);\n";

  it('points at the line and column of Postgres\' position, counting characters not bytes', () => {
    const position = [...sql].indexOf('t', sql.indexOf('tabel')) + 1; // 1-based, characters
    const text = describeSqlError('supabase/migrations/1_x.sql', sql, Object.assign(new Error('syntax error at or near "tabel"'), { position: String(position) }));
    expect(text).toBe('supabase/migrations/1_x.sql:3:8: syntax error at or near "tabel"');
  });

  it('gives the file and message when Postgres gives no position, with its context', () => {
    const error = Object.assign(new Error('division by zero'), { where: 'PL/pgSQL function f() line 3 at RETURN\nmore' });
    expect(describeSqlError('seed.sql', sql, error)).toBe('seed.sql: division by zero (PL/pgSQL function f() line 3 at RETURN)');
  });
});

describe('parseGoDuration (ban_duration)', () => {
  it.each([
    ['24h', 86_400_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['876000h', 876000 * 3_600_000],
    ['1.5h', 5_400_000],
    ['250ms', 250],
  ])('%s is %d ms', (text, ms) => expect(parseGoDuration(text)).toBe(ms));

  it.each(['', 'h', '24', '1d', '24h garbage', '-1h'])('refuses %j', (text) => expect(parseGoDuration(text)).toBeUndefined());
});
