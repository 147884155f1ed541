// A households roster as a spreadsheet: the template's columns, and the check of a sheet's rows
// before anything is sent (the database checks again, row by row, in grid_import_households).
// Pure: the sheet arrives as read-excel-file's rows of cells; what comes back names each bad
// row by its number in the file and its column, for the preview.

/** The columns, in the template's order: the key, and whether a row must have it. */
export const ROSTER_COLUMNS = [
  { key: 'community', required: true },
  { key: 'grid', required: false },
  { key: 'compound', required: true },
  { key: 'building', required: false },
  { key: 'unit_no', required: false },
  { key: 'room', required: false },
  { key: 'size', required: true },
  { key: 'contact_name', required: false },
  { key: 'contact_phone', required: false },
  { key: 'tags', required: false },
  { key: 'note', required: false },
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]['key'];

export const ROSTER_MAX_ROWS = 20_000;
const MAX_LENGTH: Partial<Record<RosterColumn, number>> = {
  community: 100, grid: 100, compound: 50, building: 20, unit_no: 20, room: 20, contact_name: 30, note: 500,
};
const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;
const TAG_SEPARATORS = /[、,，;；\s]+/;

/** One household as grid_import_households takes it; `row` is its row number in the file. */
export interface RosterRow {
  row: number;
  community: string;
  grid: string;
  compound: string;
  building: string;
  unit_no: string;
  room: string;
  size: number;
  contact_name: string;
  contact_phone: string;
  tags: string[];
  note: string;
}

/** A refusal: the row (0 for the sheet itself), the column, and the rule broken, for the words. */
export interface RosterProblem {
  row: number;
  column: RosterColumn | null;
  rule: 'noColumn' | 'empty' | 'tooMany' | 'required' | 'tooLong' | 'size' | 'phone' | 'tag' | 'sameAddress';
  params?: Record<string, string | number>;
}

type Cell = string | number | boolean | Date | null | undefined | object;

/** A cell as text: numbers as written (a room 301, a phone 13912345678), nothing as ''. */
function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/**
 * The sheet's households and its problems. The first row is the header, its titles the
 * template's (in any order; other columns are ignored); `titles` maps each title to its key.
 * Tags must be on the street's list, when one is given.
 */
export function parseRoster(sheet: Cell[][], titles: Record<string, RosterColumn>, streetTags?: string[]): { rows: RosterRow[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const [header = [], ...body] = sheet;
  const at = new Map<RosterColumn, number>();
  header.forEach((cell, index) => {
    const key = titles[text(cell)];
    if (key && !at.has(key)) at.set(key, index);
  });
  for (const c of ROSTER_COLUMNS) if (c.required && !at.has(c.key)) problems.push({ row: 0, column: c.key, rule: 'noColumn' });
  if (problems.length) return { rows: [], problems };
  if (body.length > ROSTER_MAX_ROWS) return { rows: [], problems: [{ row: 0, column: null, rule: 'tooMany', params: { max: ROSTER_MAX_ROWS } }] };

  const rows: RosterRow[] = [];
  const addresses = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    const value = (key: RosterColumn) => {
      const i = at.get(key);
      return i === undefined ? '' : text(cells[i]);
    };
    if (ROSTER_COLUMNS.every((c) => value(c.key) === '')) return;
    const before = problems.length;
    for (const c of ROSTER_COLUMNS) {
      const v = value(c.key);
      if (c.required && v === '') problems.push({ row, column: c.key, rule: 'required' });
      const max = MAX_LENGTH[c.key];
      if (max !== undefined && v.length > max) problems.push({ row, column: c.key, rule: 'tooLong', params: { max } });
    }
    const sizeText = value('size');
    const size = Number(sizeText);
    if (sizeText !== '' && !(Number.isInteger(size) && size >= 1 && size <= 30)) problems.push({ row, column: 'size', rule: 'size' });
    const phone = value('contact_phone');
    if (phone !== '' && !PHONE.test(phone)) problems.push({ row, column: 'contact_phone', rule: 'phone' });
    const tags = [...new Set(value('tags').split(TAG_SEPARATORS).filter(Boolean))];
    for (const tag of tags) if (streetTags && !streetTags.includes(tag)) problems.push({ row, column: 'tags', rule: 'tag', params: { tag } });
    const address = ['community', 'compound', 'building', 'unit_no', 'room'].map((k) => value(k as RosterColumn)).join('\u0001');
    const first = addresses.get(address);
    if (first !== undefined) problems.push({ row, column: 'room', rule: 'sameAddress', params: { first } });
    else addresses.set(address, row);
    if (problems.length === before) {
      rows.push({
        row, community: value('community'), grid: value('grid'), compound: value('compound'), building: value('building'),
        unit_no: value('unit_no'), room: value('room'), size, contact_name: value('contact_name'), contact_phone: phone, tags, note: value('note'),
      });
    }
  });
  if (!rows.length && !problems.length) problems.push({ row: 0, column: null, rule: 'empty' });
  return { rows, problems };
}
