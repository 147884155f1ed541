// 重点任务: a campaign year's key-task list (attachment 3) for every street role: the 25 tasks in
// their five actions with deadline, lead offices, status and latest progress; overdue tasks
// stand out; filtered, sorted and exported to Excel exactly as shown. A row opens the task's
// drawer, where the street office updates its status and records progress on behalf of the lead
// offices (there is no per-office account yet), period by period for a recurring task.
import { List } from '@refinedev/antd';
import { CanAccess, useTranslation } from '@refinedev/core';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { formatDateTime, formatMonthDay, myMemberships, NO_TOGGLEABLE_COLUMNS, scopeOf, supabaseClient, fetchAll, TableToolbar, useTableSettings, useXlsxDownload } from '@/plugin-api';
import { deadlineLabel, periodLabel, STATUS_COLORS, yearLabel } from './labels';
import {
  ACTIONS, STATUSES, TASK_SELECT, latestReport, leadNames, overdueDays, periodsOf, today,
  type Action, type KeyTask, type Office, type Period, type Report, type Status,
} from './model';

const TaskDrawer = lazy(() => import('./drawer'));

/** One list: a campaign's tasks of one year. */
interface ListChoice {
  key: string;
  campaignId: number;
  campaignName: string;
  streetId: number;
  streetName: string;
  year: string;
}

export interface Row {
  task: KeyTask;
  leads: string[];
  overdue: number;
  latest: Report | null;
  periods: Period[];
  missing: number;
}

type SortKey = 'action' | 'number' | 'deadline' | 'status' | 'latest';
interface Sort {
  key: SortKey | null;
  order: 'ascend' | 'descend' | null;
}

/** The list to open first: the user's own office's campaign, the year today falls in (or the latest begun, or the first). */
function defaultChoice(choices: ListChoice[], officeStreets: number[]): ListChoice | undefined {
  const on = today();
  const own = choices.filter((c) => officeStreets.includes(c.streetId));
  const pool = own.length ? own : choices;
  const firstCampaign = pool[0]?.campaignId;
  const years = pool.filter((c) => c.campaignId === firstCampaign).sort((a, b) => a.year.localeCompare(b.year));
  const current = years.find((c) => c.year <= on && dayjs(c.year).add(1, 'year').format('YYYY-MM-DD') > on);
  return current ?? [...years].reverse().find((c) => c.year <= on) ?? years[0];
}

function KeyTasks() {
  const { translate } = useTranslation();
  const [choices, setChoices] = useState<ListChoice[] | null>(null);
  const [officeStreets, setOfficeStreets] = useState<number[]>([]);
  const [choiceKey, setChoiceKey] = useState<string>();
  const [tasks, setTasks] = useState<KeyTask[] | null>(null);
  const [offices, setOffices] = useState<Office[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [action, setAction] = useState<Action>();
  const [status, setStatus] = useState<Status>();
  const [lead, setLead] = useState<number>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ key: null, order: null });
  const [openId, setOpenId] = useState<number | null>(null);
  const { exporting, download } = useXlsxDownload();

  const fail = useCallback(
    (error: unknown) => setFailure(translate('errors.unknown', { message: (error as { message?: string }).message ?? '' })),
    [translate],
  );

  // The lists the user may read: every campaign of their streets, each year it has tasks for.
  useEffect(() => {
    void (async () => {
      try {
        const scope = scopeOf(await myMemberships());
        const streets = [...new Set([...scope.streets, ...scope.officeStreets])];
        setOfficeStreets(scope.officeStreets);
        if (!streets.length) return setChoices([]);
        const { data: campaigns, error } = await supabaseClient
          .from('campaigns')
          .select('id, name, street_id, street:units!street_id(name)')
          .in('street_id', streets)
          .order('street_id')
          .order('start_year', { ascending: false });
        if (error) throw error;
        const ids = (campaigns ?? []).map((c) => c.id);
        const years = ids.length
          ? await fetchAll((from, to) =>
              supabaseClient.from('key_tasks').select('campaign_id, year_starts_on').in('campaign_id', ids).order('id').range(from, to),
            )
          : [];
        const list: ListChoice[] = [];
        for (const c of campaigns ?? []) {
          const ys = [...new Set(years.filter((y) => y.campaign_id === c.id).map((y) => y.year_starts_on))].sort();
          for (const year of ys) {
            list.push({ key: `${c.id}:${year}`, campaignId: c.id, campaignName: c.name, streetId: c.street_id, streetName: c.street?.name ?? '', year });
          }
        }
        setChoices(list);
        setChoiceKey((k) => k ?? defaultChoice(list, scope.officeStreets)?.key);
      } catch (error) {
        fail(error);
        setChoices([]);
      }
    })();
  }, [fail]);

  const choice = choices?.find((c) => c.key === choiceKey);

  const load = useCallback(async () => {
    if (!choice) return;
    try {
      const [rows, members] = await Promise.all([
        fetchAll((from, to) =>
          supabaseClient
            .from('key_tasks')
            .select(TASK_SELECT)
            .eq('campaign_id', choice.campaignId)
            .eq('year_starts_on', choice.year)
            .order('number')
            .order('id')
            .range(from, to),
        ),
        supabaseClient.from('campaign_member_offices').select('id, name').eq('campaign_id', choice.campaignId).order('id'),
      ]);
      if (members.error) throw members.error;
      setTasks(rows);
      setOffices(members.data ?? []);
      setFailure(null);
    } catch (error) {
      fail(error);
      setTasks([]);
    }
  }, [choice, fail]);

  useEffect(() => {
    setTasks(null);
    void load();
  }, [load]);

  const rows = useMemo(
    () =>
      (tasks ?? []).map((task): Row => {
        const periods = periodsOf(task);
        return {
          task,
          leads: leadNames(task),
          overdue: overdueDays(task),
          latest: latestReport(task),
          periods,
          missing: periods.filter((p) => p.state === 'missing').length,
        };
      }),
    [tasks],
  );

  // Exactly what the table shows, in its order: the export writes these rows.
  const visible = useMemo(() => {
    const text = search.trim().toLowerCase();
    const filtered = rows.filter(
      (r) =>
        (!action || r.task.action === action) &&
        (!status || r.task.status === status) &&
        (!lead || r.task.leads.some((l) => l.office?.id === lead)) &&
        (!overdueOnly || r.overdue > 0) &&
        (!text || String(r.task.number) === text || r.task.content.toLowerCase().includes(text)),
    );
    const byNumber = (a: Row, b: Row) => a.task.number - b.task.number;
    if (!sort.key || !sort.order) return [...filtered].sort(byNumber);
    // Dated tasks by date, then the all-year ones.
    const due = (r: Row) => r.task.deadline ?? '9999-12-31';
    const compare: Record<SortKey, (a: Row, b: Row) => number> = {
      action: (a, b) => ACTIONS.indexOf(a.task.action) - ACTIONS.indexOf(b.task.action),
      number: byNumber,
      deadline: (a, b) => due(a).localeCompare(due(b)),
      status: (a, b) => STATUSES.indexOf(a.task.status) - STATUSES.indexOf(b.task.status),
      latest: (a, b) => (a.latest?.created_at ?? '').localeCompare(b.latest?.created_at ?? ''),
    };
    const sign = sort.order === 'ascend' ? 1 : -1;
    return [...filtered].sort((a, b) => sign * compare[sort.key!](a, b) || byNumber(a, b));
  }, [rows, action, status, lead, overdueOnly, search, sort]);

  // The action column spans each run of rows of one action, as the printed list does.
  const actionSpans = useMemo(() => {
    const spans = new Map<number, number>();
    for (let i = 0; i < visible.length; ) {
      let j = i + 1;
      while (j < visible.length && visible[j]!.task.action === visible[i]!.task.action) j++;
      spans.set(visible[i]!.task.id, j - i);
      for (let k = i + 1; k < j; k++) spans.set(visible[k]!.task.id, 0);
      i = j;
    }
    return spans;
  }, [visible]);

  const counts = useMemo(() => {
    const by = new Map<string, number>();
    for (const r of rows) by.set(r.task.status, (by.get(r.task.status) ?? 0) + 1);
    return { statuses: STATUSES.filter((s) => by.has(s)).map((s) => ({ status: s, count: by.get(s)! })), overdue: rows.filter((r) => r.overdue > 0).length };
  }, [rows]);

  const headers = {
    action: translate('keyTasks.fields.action'),
    number: translate('keyTasks.fields.number'),
    content: translate('keyTasks.fields.content'),
    deadline: translate('keyTasks.fields.deadline'),
    leads: translate('keyTasks.fields.leads'),
    status: translate('keyTasks.fields.status'),
    latest: translate('keyTasks.fields.latest'),
    overdueDays: translate('keyTasks.fields.overdueDays'),
    latestAt: translate('keyTasks.fields.latestAt'),
  };
  const actionLabel = (a: Action) => translate(`keyTasks.actions.${a}`);
  const statusLabel = (s: Status) => translate(`keyTasks.statuses.${s}`);
  const latestText = (r: Row) => (r.latest ? `${r.latest.period ? `【${periodLabel(periodOf(r, r.latest.period))}】` : ''}${r.latest.note}` : '');

  const exportXlsx = () =>
    download(visible, translate('keyTasks.sheet'), [
      { header: headers.action, width: 24, cell: (r: Row) => actionLabel(r.task.action) },
      { header: headers.number, width: 6, cell: (r: Row) => r.task.number },
      { header: headers.content, width: 60, cell: (r: Row) => ({ value: r.task.content, wrap: true }) },
      { header: headers.deadline, width: 16, cell: (r: Row) => deadlineLabel(r.task) },
      { header: headers.leads, width: 22, cell: (r: Row) => r.leads.join('、') || null },
      { header: headers.status, width: 10, cell: (r: Row) => statusLabel(r.task.status) },
      { header: headers.overdueDays, width: 10, cell: (r: Row) => (r.overdue > 0 ? r.overdue : null) },
      { header: headers.latest, width: 50, cell: (r: Row) => (r.latest ? { value: latestText(r), wrap: true } : null) },
      { header: headers.latestAt, width: 18, cell: (r: Row) => (r.latest ? { value: formatDateTime(r.latest.created_at), type: String } : null) },
    ], translate('keyTasks.fileName', { street: choice!.streetName, date: dayjs().format('YYYYMMDD') }));

  // A column's key goes on the element itself (React keeps keys out of spread props).
  const sortable = (key: SortKey) => ({
    sorter: true,
    sortOrder: (sort.key === key ? sort.order : null) as SortOrder,
  });

  const settings = useTableSettings('key-tasks', NO_TOGGLEABLE_COLUMNS);

  if (choices && choices.length === 0) {
    return (
      <List title={translate('keyTasks.title')} canCreate={false}>
        {failure ? <Alert type="error" showIcon message={failure} /> : <Result status="info" subTitle={translate('keyTasks.noCampaign')} />}
      </List>
    );
  }

  const isOffice = !!choice && officeStreets.includes(choice.streetId);
  const open = openId === null ? undefined : rows.find((r) => r.task.id === openId);
  const subtitle = choice ? `${choice.campaignName} · ${yearLabel(choice.year)}` : undefined;

  return (
    <List
      title={translate('keyTasks.title')}
      canCreate={false}
      headerProps={{ subTitle: <span data-testid="key-tasks-subtitle">{subtitle}</span> }}
      headerButtons={
        <Space>
          {choices && choices.length > 1 && (
            <Select
              style={{ minWidth: 320 }}
              value={choiceKey}
              onChange={(k) => {
                setChoiceKey(k);
                setOpenId(null);
              }}
              options={choices.map((c) => ({ value: c.key, label: `${c.campaignName} · ${yearLabel(c.year)}` }))}
              aria-label={translate('keyTasks.list')}
              data-testid="key-tasks-list"
            />
          )}
          <TableToolbar settings={settings} onRefresh={() => void load()} refreshing={!tasks} />
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} disabled={!tasks || visible.length === 0}>
            {translate('keyTasks.export')}
          </Button>
        </Space>
      }
    >
      {/* An overdue row: the whole row tinted, beside its red 逾期 tag. */}
      <style>{'.key-task-overdue > td:not(.key-task-action) { background: #fff1f0 !important; } .key-task-overdue:hover > td:not(.key-task-action) { background: #ffe4e1 !important; }'}</style>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Form layout="inline" name="key-task-filters" style={{ rowGap: 8, marginBottom: 8 }}>
        <Form.Item label={headers.action} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            placeholder={translate('common.all')}
            style={{ width: 200 }}
            value={action}
            onChange={setAction}
            options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
            data-testid="key-tasks-action"
          />
        </Form.Item>
        <Form.Item label={headers.status} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            placeholder={translate('common.all')}
            style={{ width: 110 }}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            data-testid="key-tasks-status"
          />
        </Form.Item>
        <Form.Item label={translate('keyTasks.leadFilter')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            placeholder={translate('common.all')}
            style={{ width: 150 }}
            value={lead}
            onChange={setLead}
            options={offices.map((o) => ({ value: o.id, label: o.name }))}
            data-testid="key-tasks-lead"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Input.Search allowClear placeholder={translate('keyTasks.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="key-tasks-overdue">
            {translate('keyTasks.overdueOnly')}
          </Checkbox>
        </Form.Item>
      </Form>
      {/* How the list stands; a count filters to it. */}
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }} data-testid="key-tasks-counts">
        <Tag.CheckableTag checked={!status && !overdueOnly} onChange={() => { setStatus(undefined); setOverdueOnly(false); }}>
          {translate('keyTasks.counts.all', { count: rows.length })}
        </Tag.CheckableTag>
        {counts.statuses.map(({ status: s, count }) => (
          <Tag.CheckableTag key={s} checked={status === s} onChange={(checked) => setStatus(checked ? s : undefined)}>
            {statusLabel(s)} {count}
          </Tag.CheckableTag>
        ))}
        {counts.overdue > 0 && (
          <Tag.CheckableTag checked={overdueOnly} onChange={setOverdueOnly} style={overdueOnly ? undefined : { color: '#cf1322' }}>
            {translate('keyTasks.counts.overdue', { count: counts.overdue })}
          </Tag.CheckableTag>
        )}
      </Space>
      <Table<Row>
        rowKey={(r) => r.task.id}
        size={settings.size}
        bordered
        loading={!tasks}
        dataSource={visible}
        data-testid="key-tasks-table"
        rowClassName={(r) => (r.overdue > 0 ? 'key-task-overdue' : '')}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort({ key: (s?.order ? (s.columnKey as SortKey) : null) ?? null, order: s?.order ?? null });
        }}
        onRow={(r) => ({ onClick: () => setOpenId(r.task.id), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showTotal: (total) => translate('common.total', { total }) }}
      >
        <Table.Column<Row>
          key="action" {...sortable('action')}
          title={headers.action}
          width={150}
          onCell={(r) => ({ rowSpan: actionSpans.get(r.task.id) ?? 1, className: 'key-task-action', style: { verticalAlign: 'top', background: '#fff' } })}
          render={(_, r) => <Typography.Text strong>{actionLabel(r.task.action)}</Typography.Text>}
        />
        <Table.Column<Row> key="number" {...sortable('number')} title={headers.number} width={72} align="center" render={(_, r) => r.task.number} />
        <Table.Column<Row> title={headers.content} render={(_, r) => r.task.content} />
        <Table.Column<Row>
          key="deadline" {...sortable('deadline')}
          title={headers.deadline}
          width={150}
          render={(_, r) => (
            <Space direction="vertical" size={2}>
              <Typography.Text type={r.overdue > 0 ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
                {deadlineLabel(r.task)}
              </Typography.Text>
              {r.overdue > 0 && <Tag color="red">{translate('keyTasks.overdue', { count: r.overdue })}</Tag>}
            </Space>
          )}
        />
        <Table.Column<Row>
          title={headers.leads}
          width={170}
          render={(_, r) => (
            <Space size={[0, 4]} wrap>
              {r.leads.map((name) => (
                <Tag key={name}>{name}</Tag>
              ))}
            </Space>
          )}
        />
        <Table.Column<Row>
          key="status" {...sortable('status')}
          title={headers.status}
          width={96}
          render={(_, r) => <Tag color={STATUS_COLORS[r.task.status]}>{statusLabel(r.task.status)}</Tag>}
        />
        <Table.Column<Row>
          key="latest" {...sortable('latest')}
          title={headers.latest}
          width={300}
          render={(_, r) => (
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              {r.periods.length > 0 && (
                <Space size={4}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {translate('keyTasks.reported', { done: r.periods.filter((p) => p.report).length, total: r.periods.length })}
                  </Typography.Text>
                  {r.missing > 0 && <Tag color="red">{translate('keyTasks.missing', { count: r.missing })}</Tag>}
                </Space>
              )}
              {r.latest ? (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }} title={latestText(r)}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatMonthDay(r.latest.created_at)} </Typography.Text>
                  {latestText(r)}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>
              )}
            </Space>
          )}
        />
      </Table>
      {open && (
        <Suspense>
          <TaskDrawer key={open.task.id} row={open} isOffice={isOffice} onClose={() => setOpenId(null)} onChanged={load} />
        </Suspense>
      )}
    </List>
  );
}

/** The period a report's date names, among the row's periods (or that month alone). */
function periodOf(r: Row, start: string): Pick<Period, 'start' | 'end'> {
  return r.periods.find((p) => p.start === start) ?? { start, end: start };
}

export default function KeyTasksPage() {
  const { translate } = useTranslation();
  return (
    <CanAccess resource="key-tasks" action="list" fallback={<Result status="403" subTitle={translate('buttons.notAccessTitle')} />}>
      <KeyTasks />
    </CanAccess>
  );
}
