// Rosters as spreadsheets — households, grids, grid staff: each template's columns, and the check
// of a sheet's rows before anything is sent (the database checks again, row by row, in
// grid_import_households, grid_import_grids and grid_import_staff). Pure: the sheet arrives as
// read-excel-file's rows of cells; what comes back names each bad row by its number in the file
// and its column, for the preview.

export type RosterKind = 'households' | 'grids' | 'staff';

/** Each roster's columns, in the template's order: the key, whether a row must have it, its longest. */
export const ROSTERS = {
  households: [
    { key: 'community', required: true, max: 100 },
    { key: 'grid', required: false, max: 100 },
    { key: 'compound', required: true, max: 50 },
    { key: 'building', required: false, max: 20 },
    { key: 'unit_no', required: false, max: 20 },
    { key: 'room', required: false, max: 20 },
    { key: 'size', required: true },
    { key: 'contact_name', required: false, max: 30 },
    { key: 'contact_phone', required: false },
    { key: 'tags', required: false },
    { key: 'note', required: false, max: 500 },
  ],
  // A grid under its community (none: a street-level grid) and its parent grid (none: the
  // community's, or the street's, top level); the file lists parents before their children.
  grids: [
    { key: 'community', required: false, max: 100 },
    { key: 'parent', required: false, max: 100 },
    { key: 'name', required: true, max: 100 },
    { key: 'level', required: true },
  ],
  // A grid's staff: who (an e-mail address to sign in with), where (the community, and the grid or
  // micro-grid in it, none for the community itself) and as what.
  staff: [
    { key: 'full_name', required: true, max: 50 },
    { key: 'email', required: true, max: 254 },
    { key: 'community', required: false, max: 100 },
    { key: 'grid', required: false, max: 100 },
    { key: 'role', required: true },
  ],
} as const;
export type RosterColumnOf<K extends RosterKind> = (typeof ROSTERS)[K][number]['key'];
export type RosterColumn = RosterColumnOf<'households'>;
export const ROSTER_COLUMNS = ROSTERS.households;

export const ROSTER_MAX_ROWS = 20_000;
const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
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

/** One grid as grid_import_grids takes it. */
export interface GridRosterRow { row: number; community: string; parent: string; name: string; kind: GridLevel }
export type GridLevel = 'grid' | 'micro_grid';

/** One of a grid's staff as grid_import_staff takes it. */
export interface StaffRosterRow { row: number; full_name: string; email: string; community: string; grid: string; role: string }

/** A refusal: the row (0 for the sheet itself), the column, and the rule broken, for the words. */
export interface RosterProblem<C extends string = RosterColumn> {
  row: number;
  column: C | null;
  rule:
    | 'noColumn' | 'empty' | 'tooMany' | 'required' | 'tooLong' | 'size' | 'phone' | 'tag' | 'sameAddress'
    | 'level' | 'microGridParent' | 'sameGrid' | 'email' | 'role' | 'staffUnit' | 'sameStaff';
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
 * A sheet read by a roster's columns: the first row is the header, its titles the template's (in
 * any order; other columns are ignored; `titles` maps each title to its key). Each row that is
 * not empty is checked for what it must have and how long it may be, then by `check`, which
 * reports its own problems and returns the row, or null when it has any.
 */
function readRoster<K extends RosterKind, R>(
  kind: K,
  sheet: Cell[][],
  titles: Record<string, RosterColumnOf<K>>,
  check: (value: (key: RosterColumnOf<K>) => string, row: number, problem: (p: Omit<RosterProblem<RosterColumnOf<K>>, 'row'>) => void) => R | null,
): { rows: R[]; problems: RosterProblem<RosterColumnOf<K>>[] } {
  type C = RosterColumnOf<K>;
  const columns = ROSTERS[kind] as readonly { key: C; required: boolean; max?: number }[];
  const problems: RosterProblem<C>[] = [];
  const [header = [], ...body] = sheet;
  const at = new Map<C, number>();
  header.forEach((cell, index) => {
    const key = titles[text(cell)];
    if (key && !at.has(key)) at.set(key, index);
  });
  for (const c of columns) if (c.required && !at.has(c.key)) problems.push({ row: 0, column: c.key, rule: 'noColumn' });
  if (problems.length) return { rows: [], problems };
  if (body.length > ROSTER_MAX_ROWS) return { rows: [], problems: [{ row: 0, column: null, rule: 'tooMany', params: { max: ROSTER_MAX_ROWS } }] };

  const rows: R[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    const value = (key: C) => {
      const i = at.get(key);
      return i === undefined ? '' : text(cells[i]);
    };
    if (columns.every((c) => value(c.key) === '')) return;
    const before = problems.length;
    for (const c of columns) {
      const v = value(c.key);
      if (c.required && v === '') problems.push({ row, column: c.key, rule: 'required' });
      if (c.max !== undefined && v.length > c.max) problems.push({ row, column: c.key, rule: 'tooLong', params: { max: c.max } });
    }
    const checked = check(value, row, (p) => problems.push({ row, ...p }));
    if (problems.length === before && checked) rows.push(checked);
  });
  if (!rows.length && !problems.length) problems.push({ row: 0, column: null, rule: 'empty' });
  return { rows, problems };
}

/** A households roster's rows and problems. Tags must be on the street's list, when one is given. */
export function parseRoster(sheet: Cell[][], titles: Record<string, RosterColumn>, streetTags?: string[]): { rows: RosterRow[]; problems: RosterProblem[] } {
  const addresses = new Map<string, number>();
  return readRoster('households', sheet, titles, (value, row, problem) => {
    const sizeText = value('size');
    const size = Number(sizeText);
    if (sizeText !== '' && !(Number.isInteger(size) && size >= 1 && size <= 30)) problem({ column: 'size', rule: 'size' });
    const phone = value('contact_phone');
    if (phone !== '' && !PHONE.test(phone)) problem({ column: 'contact_phone', rule: 'phone' });
    const tags = [...new Set(value('tags').split(TAG_SEPARATORS).filter(Boolean))];
    for (const tag of tags) if (streetTags && !streetTags.includes(tag)) problem({ column: 'tags', rule: 'tag', params: { tag } });
    const address = (['community', 'compound', 'building', 'unit_no', 'room'] as const).map(value).join('\u0001');
    const first = addresses.get(address);
    if (first !== undefined) problem({ column: 'room', rule: 'sameAddress', params: { first } });
    else addresses.set(address, row);
    return {
      row, community: value('community'), grid: value('grid'), compound: value('compound'), building: value('building'),
      unit_no: value('unit_no'), room: value('room'), size, contact_name: value('contact_name'), contact_phone: phone, tags, note: value('note'),
    };
  });
}

/** A grids roster's rows and problems; `levels` maps each level's words (网格, 微网格) to its kind. */
export function parseGridRoster(sheet: Cell[][], titles: Record<string, RosterColumnOf<'grids'>>, levels: Record<string, GridLevel>) {
  const seen = new Map<string, number>();
  return readRoster('grids', sheet, titles, (value, row, problem): GridRosterRow => {
    const kind = levels[value('level')];
    if (value('level') !== '' && !kind) problem({ column: 'level', rule: 'level', params: { levels: Object.keys(levels).join('、') } });
    // (a micro-grid lies in a grid or a community, not straight under the street)
    if (kind === 'micro_grid' && value('parent') === '' && value('community') === '') problem({ column: 'parent', rule: 'microGridParent' });
    const key = [value('community'), value('parent'), value('name')].join('\u0001');
    const first = seen.get(key);
    if (first !== undefined) problem({ column: 'name', rule: 'sameGrid', params: { first } });
    else seen.set(key, row);
    return { row, community: value('community'), parent: value('parent'), name: value('name'), kind: kind ?? 'grid' };
  });
}

/** A staff roster's rows and problems; `roles` maps each role's words (网格员 …) to its key. */
export function parseStaffRoster(sheet: Cell[][], titles: Record<string, RosterColumnOf<'staff'>>, roles: Record<string, string>) {
  const seen = new Map<string, number>();
  return readRoster('staff', sheet, titles, (value, row, problem): StaffRosterRow => {
    const email = value('email').toLowerCase();
    if (email !== '' && !EMAIL.test(email)) problem({ column: 'email', rule: 'email' });
    const role = roles[value('role')];
    if (value('role') !== '' && !role) problem({ column: 'role', rule: 'role', params: { roles: Object.keys(roles).join('、') } });
    if (value('community') === '' && value('grid') === '') problem({ column: 'grid', rule: 'staffUnit' });
    const key = [email, value('community'), value('grid'), role].join('\u0001');
    const first = seen.get(key);
    if (first !== undefined) problem({ column: 'email', rule: 'sameStaff', params: { first } });
    else seen.set(key, row);
    return { row, full_name: value('full_name'), email, community: value('community'), grid: value('grid'), role: role ?? '' };
  });
}
