// 导入 a roster — households, grids, grid staff: the template to download, a file read in the
// browser (read-excel-file, loaded on first use), every bad row listed by number and column before
// anything is sent, then one call (grid_import_households, grid_import_grids, grid_import_staff),
// one transaction: the database checks each row again, and refuses the whole file, row by row,
// when any is wrong.
import { Alert, Button, Form, Input, Modal, Space, Table, Upload, message } from 'antd';
import { useState } from 'react';
import { i18n, supabaseClient } from '@/plugin-api';
import { parseGridRoster, parseRoster, parseStaffRoster, ROSTERS, type GridLevel, type RosterKind, type RosterProblem } from '../roster';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(`workflows.grid_governance.import.${key}`, options);
const columnTitle = (kind: RosterKind, key: string) => t(`kinds.${kind}.columns.${key}`);
/** The roles a staff roster names, by their words (the plugin's roles' names). */
const STAFF_ROLES = ['grid_leader', 'grid_worker', 'micro_grid_worker', 'community_worker'] as const;
const MIN_PASSWORD = 8;

interface Shown { key: string; row: number | null; column: string; text: string }
type Sheet = Parameters<typeof parseRoster>[0];

/** A problem of the sheet's, in the user's words. */
export function describeProblem(kind: RosterKind, p: RosterProblem<string>): string {
  return t(`rules.${p.rule}`, { row: p.row, column: p.column ? columnTitle(kind, p.column) : '', ...p.params });
}

/** The sheet's rows and problems, as the roster's own check reads them. */
function parse(kind: RosterKind, sheet: Sheet, streetTags: string[]): { rows: { row: number }[]; problems: RosterProblem<string>[] } {
  const titles = Object.fromEntries(ROSTERS[kind].map((c) => [columnTitle(kind, c.key), c.key])) as never;
  if (kind === 'households') return parseRoster(sheet, titles, streetTags);
  if (kind === 'grids') {
    const levels = Object.fromEntries((['grid', 'micro_grid'] as GridLevel[]).map((l) => [t(`levels.${l}`), l]));
    return parseGridRoster(sheet, titles, levels);
  }
  const roles = Object.fromEntries(STAFF_ROLES.map((r) => [i18n.t(`workflows.grid_governance.roles.${r}`), r]));
  return parseStaffRoster(sheet, titles, roles);
}

async function downloadTemplate(kind: RosterKind) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  // The example row: its words from the messages (a household's size and phone of its own).
  const example = i18n.t(`workflows.grid_governance.import.kinds.${kind}.example`, { returnObjects: true }) as Record<string, string | number>;
  const values: Record<string, string | number> = kind === 'households' ? { ...example, size: 3, contact_phone: '13900000000' } : example;
  await writeXlsxFile([values], {
    sheet: t(`kinds.${kind}.templateFile`),
    stickyRowsCount: 1,
    columns: ROSTERS[kind].map((c) => ({
      header: { value: columnTitle(kind, c.key), fontWeight: 'bold' as const },
      width: ['note', 'grid', 'parent', 'name', 'email'].includes(c.key) ? 24 : 12,
      // Text, so a room 0301 or a phone keeps its digits as typed.
      cell: (r: typeof values) => (typeof r[c.key] === 'number' ? { value: r[c.key] as number, type: Number } : { value: String(r[c.key] ?? ''), type: String }),
    })),
  }).toFile(`${t(`kinds.${kind}.templateFile`)}.xlsx`);
}

/** The call that imports the rows, one transaction. */
function runImport(kind: RosterKind, streetId: number, rows: { row: number }[], password: string) {
  if (kind === 'households') return supabaseClient.rpc('grid_import_households', { p_street_id: streetId, p_rows: rows as never });
  if (kind === 'grids') return supabaseClient.rpc('grid_import_grids', { p_street_id: streetId, p_rows: rows as never });
  return supabaseClient.rpc('grid_import_staff', { p_street_id: streetId, p_rows: rows as never, p_password: password });
}

export function RosterImport({ kind, streetId, streetTags = [], onDone }: { kind: RosterKind; streetId: number; streetTags?: string[]; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<{ row: number }[] | null>(null);
  const [shown, setShown] = useState<Shown[]>([]);
  const [busy, setBusy] = useState<'reading' | 'running' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const needsPassword = kind === 'staff';
  const passwordShort = needsPassword && password.length < MIN_PASSWORD;

  const reset = () => { setRows(null); setShown([]); setFailure(null); };
  const read = async (file: File) => {
    reset();
    setBusy('reading');
    try {
      const { readSheet } = await import('read-excel-file/browser');
      const parsed = parse(kind, (await readSheet(file)) as unknown as Sheet, streetTags);
      setShown(parsed.problems.map((p, i) => ({ key: `p${i}`, row: p.row || null, column: p.column ? columnTitle(kind, p.column) : '', text: describeProblem(kind, p) })));
      setRows(parsed.problems.length ? [] : parsed.rows);
    } catch {
      setFailure(t('unreadable'));
    } finally {
      setBusy(null);
    }
  };
  const run = async () => {
    if (!rows?.length || passwordShort) return;
    setBusy('running');
    const { data, error } = await runImport(kind, streetId, rows, password);
    setBusy(null);
    if (error) {
      let list: { row: number; column: string | null; message: string }[] = [];
      try { list = JSON.parse(error.details ?? '[]'); } catch { /* not the row list: the message says it */ }
      if (!Array.isArray(list) || !list.length) { setFailure(error.message); return; }
      setFailure(t('refused', { count: list.length }));
      setShown(list.map((p, i) => ({
        key: `d${i}`, row: p.row, column: p.column ? columnTitle(kind, p.column) : '',
        text: p.column ? t('rules.database', { row: p.row, column: columnTitle(kind, p.column), message: p.message }) : t('rules.databaseRow', { row: p.row, message: p.message }),
      })));
      setRows([]);
      return;
    }
    void message.success(t(`kinds.${kind}.done`, data as Record<string, number>));
    setOpen(false);
    reset();
    onDone();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid={`import-${kind}`}>{kind === 'households' ? t('open') : t(`kinds.${kind}.title`)}</Button>
      <Modal
        open={open} title={t(`kinds.${kind}.title`)} width={720} onCancel={() => { setOpen(false); reset(); }} destroyOnHidden
        footer={(
          <Space>
            <Button onClick={() => void downloadTemplate(kind)}>{t('template')}</Button>
            <Button type="primary" disabled={!rows?.length || passwordShort} loading={busy === 'running'} onClick={() => void run()}>
              {t('run', { count: rows?.length ?? 0 })}
            </Button>
          </Space>
        )}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t(`kinds.${kind}.hint`)} />
          {needsPassword && (
            <Form layout="vertical" component="div">
              <Form.Item
                label={t('password')} extra={t('passwordHint')} style={{ marginBottom: 0 }}
                validateStatus={password && passwordShort ? 'error' : undefined}
                help={password && passwordShort ? t('passwordShort') : undefined}
              >
                <Input.Password value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
              </Form.Item>
            </Form>
          )}
          <Upload accept=".xlsx" maxCount={1} showUploadList={false} beforeUpload={(file) => { void read(file); return false; }}>
            <Button loading={busy === 'reading'}>{t('pick')}</Button>
          </Upload>
          {failure && <Alert type="error" showIcon message={failure} />}
          {rows !== null && rows.length > 0 && !shown.length && <Alert type="success" showIcon message={t('ready', { count: rows.length })} />}
          {shown.length > 0 && (
            <Table<Shown>
              size="small" rowKey="key" dataSource={shown} pagination={{ pageSize: 10, showSizeChanger: false }} data-testid="import-problems"
              columns={[
                { title: t('row'), dataIndex: 'row', width: 64, render: (v: number | null) => v ?? t('sheet') },
                { title: t('column'), dataIndex: 'column', width: 96 },
                { title: t('problem'), dataIndex: 'text' },
              ]}
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
