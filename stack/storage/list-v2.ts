// POST /object/list-v2/:bucket, supabase-js's `listV2()`: a page of the objects under a prefix, flat
// or (with_delimiter) one level deep with its folders, and a cursor for the next page. This is
// the answer storage-api gives (src/storage/object.ts, listObjectsV2 and its continuation token;
// src/storage/database/pg.ts, listObjectsV2; migrations/tenant/0050-search-v2-optimised.sql,
// search_v2 / list_objects_with_delimiter / search_by_timestamp), computed here over the rows the
// caller may see (the server reads them under RLS), which is plenty for a local stack.
import { errors } from './errors.ts';

export interface ListedRow {
  id: string;
  name: string;
  metadata: unknown;
  updated_at: Date | null;
  created_at: Date | null;
  last_accessed_at: Date | null;
}

export interface ListV2Options {
  prefix: string;
  withDelimiter: boolean;
  limit?: number;
  cursor?: string;
  sortBy?: { column?: string; order?: string };
}

interface Cursor {
  startAfter: string;
  sortOrder?: string;
  sortColumn?: string;
  sortColumnAfter?: string;
}

/** The continuation token's lines, `l:<name>`, `o:<order>`, `c:<column>`, `a:<time>`, base64. */
const CURSOR_PARTS = { l: 'startAfter', o: 'sortOrder', c: 'sortColumn', a: 'sortColumnAfter' } as const;

function encodeCursor(cursor: Cursor): string {
  let text = '';
  for (const [key, field] of Object.entries(CURSOR_PARTS)) if (cursor[field]) text += `${key}:${cursor[field]}\n`;
  return Buffer.from(text.slice(0, -1)).toString('base64');
}

function decodeCursor(token: string): Cursor {
  const cursor: Cursor = { startAfter: '', sortOrder: 'asc' };
  for (const part of Buffer.from(token, 'base64').toString().split('\n')) {
    const match = /^(\S):(.*)/.exec(part);
    if (!match || !(match[1]! in CURSOR_PARTS)) throw errors.invalidParameter('continuation token');
    cursor[CURSOR_PARTS[match[1] as keyof typeof CURSOR_PARTS]] = match[2]!;
  }
  return cursor;
}

/** COLLATE "C": byte order of the UTF-8 names. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const millis = (date: Date | null) => (date ? date.getTime() : 0);

interface Entry {
  row: Record<string, unknown> & { name: string; id: string | null };
  /** Where a name sort puts it: a folder sorts as its prefix with the slash, as the seek over object names does. */
  sortName: string;
  time: number;
}

export function listV2(rows: ListedRow[], options: ListV2Options) {
  const limit = Math.min(options.limit || 1000, 1000);
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  const order = (cursor?.sortOrder || options.sortBy?.order) === 'desc' ? 'desc' : 'asc';
  const requestedColumn = cursor?.sortColumn || options.sortBy?.column;
  const timeColumn = requestedColumn === 'updated_at' || requestedColumn === 'created_at' ? requestedColumn : undefined;
  const prefix = options.prefix;
  const levels = prefix ? prefix.split('/').length : 1;
  const keyOf = (name: string) => name.split('/')[levels - 1] ?? '';

  let entries: Entry[];
  if (!options.withDelimiter) {
    // pg.ts: SELECT id, name, metadata, updated_at, created_at, last_accessed_at, flat.
    entries = rows.map((r) => ({
      row: { id: r.id, name: r.name, metadata: r.metadata, updated_at: r.updated_at, created_at: r.created_at, last_accessed_at: r.last_accessed_at },
      sortName: r.name,
      time: millis(timeColumn ? r[timeColumn] : null),
    }));
  } else {
    // search_v2: one row per folder (its name without the slash, id null; sorted by time, its
    // first object's creation) and per object directly under the prefix, each with its `key`.
    const folders = new Map<string, Entry>();
    entries = [];
    for (const r of rows) {
      const slash = r.name.indexOf('/', prefix.length);
      if (slash < 0) {
        entries.push({
          row: { key: keyOf(r.name), name: r.name, id: r.id, updated_at: r.updated_at, created_at: r.created_at, last_accessed_at: r.last_accessed_at, metadata: r.metadata },
          sortName: r.name,
          time: millis(timeColumn ? r[timeColumn] : null),
        });
        continue;
      }
      const name = r.name.slice(0, slash);
      const folder = folders.get(name);
      const created = timeColumn ? r.created_at : null;
      if (!folder) {
        const entry: Entry = {
          row: { key: keyOf(name), name, id: null, updated_at: created, created_at: created, last_accessed_at: null, metadata: null },
          sortName: `${name}/`,
          time: millis(created),
        };
        folders.set(name, entry);
        entries.push(entry);
      } else if (created && millis(created) < folder.time) {
        folder.row.updated_at = folder.row.created_at = created;
        folder.time = millis(created);
      }
    }
  }

  const sign = order === 'asc' ? 1 : -1;
  const compare = (a: Entry, b: Entry) =>
    sign * (timeColumn ? a.time - b.time || byBytes(a.row.name, b.row.name) : byBytes(a.sortName, b.sortName));
  entries.sort(compare);

  if (cursor?.startAfter) {
    const after = cursor.startAfter;
    if (timeColumn && cursor.sortColumnAfter) {
      const time = Date.parse(cursor.sortColumnAfter);
      entries = entries.filter((e) => sign * (e.time - time || byBytes(e.row.name, after)) > 0);
    } else {
      // A cursor naming a folder resumes past everything in it.
      const isFolder = options.withDelimiter && rows.some((r) => r.name.startsWith(`${after}/`));
      const mark = isFolder ? `${after}/` : after;
      entries = entries.filter((e) => sign * byBytes(e.sortName, mark) > 0);
    }
  }

  const hasNext = entries.length > limit;
  const page = entries.slice(0, limit);
  const folders = [];
  const objects = [];
  for (const { row } of page) {
    if (row.id === null) folders.push({ ...row, name: row.name.endsWith('/') ? row.name : `${row.name}/` });
    else objects.push(row);
  }
  const last = hasNext ? page[page.length - 1]!.row : undefined;
  const lastTime = last && timeColumn ? (last[timeColumn] as Date | null) : null;
  return {
    hasNext,
    nextCursor: last
      ? encodeCursor({
          startAfter: last.name,
          sortOrder: cursor?.sortOrder || options.sortBy?.order,
          sortColumn: requestedColumn,
          sortColumnAfter: lastTime ? lastTime.toISOString() : undefined,
        })
      : undefined,
    nextCursorKey: last?.name,
    folders,
    objects,
  };
}
