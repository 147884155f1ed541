// 导入住户名册: the template to download, a file read in the browser (read-excel-file, loaded on
// first use), every bad row listed by number and column before anything is sent, then one call
// (grid_import_households), one transaction: the database checks each row again, and refuses
// the whole file, row by row, when any is wrong.
import { Alert, Button, Modal, Space, Table, Upload, message } from 'antd';
import { useState } from 'react';
import { i18n, supabaseClient } from '@/plugin-api';
import { parseRoster, ROSTER_COLUMNS, type RosterColumn, type RosterProblem, type RosterRow } from '../roster';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(`workflows.grid_governance.import.${key}`, options);
const columnTitle = (key: RosterColumn) => t(`columns.${key}`);

interface Shown { key: string; row: number | null; column: string; text: string }

/** A problem of the sheet's, in the user's words. */
export function describeProblem(p: RosterProblem): string {
  return t(`rules.${p.rule}`, { row: p.row, column: p.column ? columnTitle(p.column) : '', ...p.params });
}

async function downloadTemplate() {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  // The example row: its words from the messages, a size and a phone of its own.
  const example = i18n.t('workflows.grid_governance.import.example', { returnObjects: true }) as Record<string, string>;
  const values: Record<RosterColumn, string | number> = { ...example, size: 3, contact_phone: '13900000000' } as Record<RosterColumn, string | number>;
  await writeXlsxFile([values], {
    sheet: t('templateFile'),
    stickyRowsCount: 1,
    columns: ROSTER_COLUMNS.map((c) => ({
      header: { value: columnTitle(c.key), fontWeight: 'bold' as const },
      width: c.key === 'note' || c.key === 'grid' ? 24 : 12,
      // Text, so a room 0301 or a phone keeps its digits as typed.
      cell: (r: typeof values) => (typeof r[c.key] === 'number' ? { value: r[c.key] as number, type: Number } : { value: String(r[c.key] ?? ''), type: String }),
    })),
  }).toFile(`${t('templateFile')}.xlsx`);
}

export function ImportHouseholds({ streetId, streetTags, onDone }: { streetId: number; streetTags: string[]; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<RosterRow[] | null>(null);
  const [shown, setShown] = useState<Shown[]>([]);
  const [busy, setBusy] = useState<'reading' | 'running' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => { setRows(null); setShown([]); setFailure(null); };
  const read = async (file: File) => {
    reset();
    setBusy('reading');
    try {
      const { readSheet } = await import('read-excel-file/browser');
      const sheet = await readSheet(file);
      const titles = Object.fromEntries(ROSTER_COLUMNS.map((c) => [columnTitle(c.key), c.key])) as Record<string, RosterColumn>;
      const parsed = parseRoster(sheet as unknown[][] as never, titles, streetTags);
      setShown(parsed.problems.map((p, i) => ({ key: `p${i}`, row: p.row || null, column: p.column ? columnTitle(p.column) : '', text: describeProblem(p) })));
      setRows(parsed.problems.length ? [] : parsed.rows);
    } catch {
      setFailure(t('unreadable'));
    } finally {
      setBusy(null);
    }
  };
  const run = async () => {
    if (!rows?.length) return;
    setBusy('running');
    const { data, error } = await supabaseClient.rpc('grid_import_households', { p_street_id: streetId, p_rows: rows as never });
    setBusy(null);
    if (error) {
      let list: { row: number; column: RosterColumn | null; message: string }[] = [];
      try { list = JSON.parse(error.details ?? '[]'); } catch { /* not the row list: the message says it */ }
      if (!Array.isArray(list) || !list.length) { setFailure(error.message); return; }
      setFailure(t('refused', { count: list.length }));
      setShown(list.map((p, i) => ({
        key: `d${i}`, row: p.row, column: p.column ? columnTitle(p.column) : '',
        text: p.column ? t('rules.database', { row: p.row, column: columnTitle(p.column), message: p.message }) : t('rules.databaseRow', { row: p.row, message: p.message }),
      })));
      setRows([]);
      return;
    }
    const result = data as { inserted: number; updated: number; unchanged: number };
    void message.success(t('done', result));
    setOpen(false);
    reset();
    onDone();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('open')}</Button>
      <Modal
        open={open} title={t('title')} width={720} onCancel={() => { setOpen(false); reset(); }} destroyOnHidden
        footer={(
          <Space>
            <Button onClick={() => void downloadTemplate()}>{t('template')}</Button>
            <Button type="primary" disabled={!rows?.length} loading={busy === 'running'} onClick={() => void run()}>
              {t('run', { count: rows?.length ?? 0 })}
            </Button>
          </Space>
        )}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={t('hint')} />
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
