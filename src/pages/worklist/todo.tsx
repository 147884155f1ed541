// 我的待办: every instance, of every workflow, in which the signed-in user can act now, with how
// long it has waited and by when it must be done; a row opens the instance's panel.
//
// "Waiting for the user" means: the machine offers the user at least one action in the
// instance's state for a role they hold where it lives, whether or not a guard holds it back
// today. A draft whose submit waits for a complete form is exactly the filer's work still to do;
// the action is shown greyed, with the guard's reason on hover, as on the panel (both draw it
// with ActionButton). A step with named handlers waits for them only, and what is assigned or
// delegated to me comes first. The database picks and orders them, a page at a time
// (workflow_todo), so a reviewer with ten thousand waits no longer than one with ten.
//
// 批量办理: rows of one workflow, version and state can be selected together and one of their
// common actions taken on all at once (fire_event_batch: each its own transition and log row);
// the ones refused are listed by name with the reason, the others go on.
import { List } from '@refinedev/antd';
import { useGo, useTranslation } from '@refinedev/core';
import { Alert, App, Button, Form, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { myMemberships, rolesWhere } from '@/access/memberships';
import { StatusTag } from '@/components/status-tag';
import { TableToolbar, useTableSettings } from '@/components/table-toolbar';
import { i18n } from '@/i18n';
import { deadlineDay, formatDate, formatDateTime } from '@/lib/dates';
import { supabaseClient } from '@/providers/supabase-client';
import { ActionButton } from '@/pages/workflow/action-button';
import { actionDeadline, availableActions, type AvailableAction } from '@/workflow/machine';
import { confirmText, eventLabel, workflowError } from '@/workflow/errors';
import { cleanValues, SchemaForm, showIssues } from '@/pages/workflow/schema-form';
import { asJson } from '@/lib/rows';
import { PLUGINS, pluginByName, versionOf } from '@/workflow/plugins';
import type { WorkflowPlugin, WorkflowVersion } from '@/workflow/types';
import { jsonObject } from '@/lib/rows';

export interface TodoRow {
  id: number;
  plugin: WorkflowPlugin;
  version: WorkflowVersion;
  subject: string;
  state: string;
  actions: AvailableAction[];
  facts: Record<string, unknown>;
  form: Record<string, unknown>;
  since: string;
  waitedMs: number;
  deadline: string | null;
  today: string;
  revision: number;
  /** Assigned or delegated to me (named handlers), or null: my roles'. */
  mine: 'owner' | 'delegate' | null;
}

/** "3 天", "5 小时", "12 分钟": how long something has waited, in its largest whole unit. */
export function formatWaited(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return i18n.t('worklist.waited.justNow');
  if (minutes < 60) return i18n.t('worklist.waited.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return i18n.t('worklist.waited.hours', { count: hours });
  return i18n.t('worklist.waited.days', { count: Math.floor(hours / 24) });
}

/** How 我的待办 orders: what is assigned to me first, then the longest wait; or the nearest deadline first. */
export type TodoOrder = 'waited' | 'deadline';

export const TODO_PAGE_SIZE = 50;

/**
 * A page of what waits for the user, as the database lists it (workflow_todo: the instances where
 * a role the user holds can act, the named handlers' only when the step names them, in the order
 * asked, with how many there are in all), each with its actions for the user's roles, and the
 * facts of those whose workflow has any, in one request. An instance whose facts cannot be read
 * is still listed, without them: its panel says why when opened.
 */
export async function loadTodo({ order = 'waited', page = 1, pageSize = TODO_PAGE_SIZE }: { order?: TodoOrder; page?: number; pageSize?: number } = {}): Promise<{ rows: TodoRow[]; total: number }> {
  const [memberships, { data, error }] = await Promise.all([
    myMemberships(),
    supabaseClient.rpc('workflow_todo', {
      p_workflows: PLUGINS.map((p) => p.name), p_order: order, p_offset: (page - 1) * pageSize, p_limit: pageSize,
    }),
  ]);
  if (error) throw error;
  const listed = (data ?? []).flatMap((row) => {
    const plugin = pluginByName.get(row.workflow);
    const version = plugin && versionOf(plugin, row.version);
    return plugin && version ? [{ row, plugin, version }] : [];
  });
  const withFacts = listed.filter(({ plugin }) => plugin.facts).map(({ row }) => row.id);
  const facts = withFacts.length ? await supabaseClient.rpc('workflow_facts_of', { p_instance_ids: withFacts }) : null;
  const factsById = new Map<number, Record<string, unknown>>((facts?.data ?? []).map((r) => [r.instance_id, jsonObject(r.facts)]));

  const now = Date.now();
  const rows = listed.map(({ row, plugin, version }): TodoRow => {
    const world = factsById.get(row.id) ?? {};
    const form = jsonObject(row.form);
    // (a role held in a grid acts only on what lies under the grid: the row's path says where it lies)
    const roles = rolesWhere(memberships, row.street_id, row.community_id, row.unit_path);
    const actions = availableActions(plugin, version, row.state, form, roles, world);
    return {
      id: row.id,
      plugin,
      version,
      subject: row.subject ?? '',
      state: row.state,
      actions,
      facts: world,
      form,
      since: row.entered_at,
      waitedMs: now - new Date(row.entered_at).getTime(),
      // The deadline the state declares (its timers), ahead of a guard's last day.
      deadline: row.deadline_at ? deadlineDay(row.deadline_at) : actionDeadline(plugin, version, row.state, roles, actions, world),
      today: typeof world.today === 'string' ? world.today : dayjs().format('YYYY-MM-DD'),
      revision: row.revision,
      mine: (row.mine as TodoRow['mine']) ?? null,
    };
  });
  return { rows, total: data?.[0]?.total ?? 0 };
}

function Deadline({ row }: { row: TodoRow }) {
  const { translate } = useTranslation();
  if (!row.deadline) return <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>;
  const days = dayjs(row.deadline).diff(dayjs(row.today), 'day');
  const hint = days < 0 ? translate('worklist.deadline.overdue') : days === 0 ? translate('worklist.deadline.today') : translate('worklist.deadline.daysLeft', { count: days });
  return (
    <Space size={6}>
      <span>{formatDate(row.deadline)}</span>
      <Typography.Text type={days < 0 ? 'danger' : days <= 7 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
    </Space>
  );
}

/** 批量办理: one event, one payload, on every selected row; what was refused, by name. */
function BatchDialog({ rows, event, onClose, onDone }: { rows: TodoRow[]; event: string; onClose: () => void; onDone: () => void }) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ subject: string; reason: string }[] | null>(null);
  const { plugin, version } = rows[0]!;
  const def = version.events[event]!;
  const hasFields = Object.keys(def.payload.shape).length > 0;
  const action = eventLabel(plugin, event);

  const submit = async () => {
    let values: Record<string, unknown> = {};
    try {
      if (hasFields) values = cleanValues(await form.validateFields());
    } catch {
      return;
    }
    const parsed = def.payload.safeParse(values);
    if (!parsed.success) return showIssues(plugin, form, parsed.error);
    setBusy(true);
    const { data, error } = await supabaseClient.rpc('fire_event_batch', {
      p_event: event, p_items: rows.map((r) => ({ id: r.id, revision: r.revision })), p_payload: asJson(parsed.data),
    });
    setBusy(false);
    if (error) return setFailed([{ subject: '', reason: workflowError(plugin, error).message }]);
    const subjectOf = new Map(rows.map((r) => [r.id, r.subject]));
    const refused = (data ?? []).filter((r) => !r.ok).map((r) => ({
      subject: subjectOf.get(r.instance_id) ?? String(r.instance_id),
      reason: workflowError(plugin, { code: r.code ?? undefined, message: r.message ?? undefined, details: r.details }).message,
    }));
    const ok = (data ?? []).length - refused.length;
    if (ok) void message.success(translate('worklist.batch.done', { ok }));
    onDone();
    if (refused.length) setFailed(refused);
    else onClose();
  };

  return (
    <Modal
      title={translate('worklist.batch.title', { action, count: rows.length })}
      open
      onCancel={onClose}
      onOk={failed ? onClose : submit}
      okText={failed ? translate('worklist.batch.close') : action}
      okButtonProps={{ danger: !failed && def.tone === 'danger' }}
      cancelButtonProps={{ style: failed ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {failed ? (
        <div data-testid="batch-failed">
          <Alert type="warning" showIcon message={translate('worklist.batch.failedTitle', { count: failed.length })} style={{ marginBottom: 12 }} />
          {failed.map((f, i) => (
            <Typography.Paragraph key={i} style={{ margin: '4px 0' }}>
              {f.subject && <Typography.Text strong>{f.subject}：</Typography.Text>}
              {f.reason}
            </Typography.Paragraph>
          ))}
        </div>
      ) : (
        <>
          <Typography.Paragraph>{translate('worklist.batch.confirm', { count: rows.length, action })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>{rows.map((r) => r.subject).join('、')}</Typography.Paragraph>
          {rows.length === 1 && <Typography.Paragraph>{confirmText(plugin, event, rows[0]!.subject)}</Typography.Paragraph>}
          {hasFields && <SchemaForm plugin={plugin} schema={def.payload} form={form} name={`batch-${event}`} />}
        </>
      )}
    </Modal>
  );
}

const kindOf = (r: TodoRow) => `${r.plugin.name}@${r.version.version}:${r.state}`;

export default function TodoPage() {
  const { translate } = useTranslation();
  const go = useGo();
  const [rows, setRows] = useState<TodoRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [order, setOrder] = useState<TodoOrder>('waited');

  const load = useCallback(async () => {
    setRows(null);
    setFailure(null);
    try {
      const loaded = await loadTodo({ order, page });
      // (a page emptied by what was just done, its last rows: back to the first)
      if (!loaded.rows.length && page > 1) return setPage(1);
      setRows(loaded.rows);
      setTotal(loaded.total);
    } catch (error) {
      setFailure(translate('errors.unknown', { message: (error as { message?: string }).message ?? '' }));
      setRows([]);
    }
  }, [translate, order, page]);
  useEffect(() => void load(), [load]);
  const toggleable = useMemo(
    () => (['workflow', 'subject', 'state', 'waited', 'deadline'] as const).map((key) => ({ key, title: translate(`worklist.fields.${key}`) })),
    [translate],
  );
  const settings = useTableSettings('todo', toggleable);
  const shows = settings.visible;
  const [selected, setSelected] = useState<number[]>([]);
  // (the rows acted on, kept while the dialog reports on them and the list reloads)
  const [batch, setBatch] = useState<{ event: string; rows: TodoRow[] } | null>(null);
  const chosen = useMemo(() => (rows ?? []).filter((r) => selected.includes(r.id)), [rows, selected]);
  // The actions every selected row may take now (none held back by a guard).
  const common = useMemo(
    () => (chosen.length ? chosen[0]!.actions.filter((a) => chosen.every((r) => r.actions.some((b) => b.event === a.event && b.blockedBy === null))).map((a) => a.event) : []),
    [chosen],
  );

  return (
    <List
      title={translate('worklist.todo.title')}
      canCreate={false}
      headerButtons={<TableToolbar settings={settings} onRefresh={() => void load()} refreshing={rows === null} />}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      {chosen.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="batch-bar">
          <Typography.Text>{translate('worklist.batch.selected', { count: chosen.length })}</Typography.Text>
          {common.map((event) => (
            <Button key={event} size="small" danger={chosen[0]!.version.events[event]?.tone === 'danger'} onClick={() => setBatch({ event, rows: chosen })} data-testid={`batch-${event}`}>
              {eventLabel(chosen[0]!.plugin, event)}
            </Button>
          ))}
          <Button size="small" type="link" onClick={() => setSelected([])}>{translate('worklist.batch.clear')}</Button>
        </Space>
      )}
      <Table<TodoRow>
        rowKey="id"
        size={settings.size}
        loading={rows === null}
        dataSource={rows ?? []}
        data-testid="todo-table"
        // (on a phone the table scrolls sideways instead of breaking its columns a character a line)
        scroll={{ x: 960 }}
        locale={{ emptyText: translate('worklist.todo.empty') }}
        onRow={(record) => ({
          // (a click in the selection column selects; anywhere else opens the panel)
          onClick: (e) => void ((e.target as HTMLElement).closest('.ant-table-selection-column') || go({ to: `/workflows/${record.plugin.name}/${record.id}` })),
          style: { cursor: 'pointer' },
        })}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          // one workflow, version and state at a time; a delegated row answers its owner, not the step
          getCheckboxProps: (r) => ({
            disabled: r.mine === 'delegate' || (chosen.length > 0 && kindOf(r) !== kindOf(chosen[0]!)),
            title: chosen.length > 0 && kindOf(r) !== kindOf(chosen[0]!) ? translate('worklist.batch.sameKind') : undefined,
          }),
          columnTitle: <Tooltip title={translate('worklist.batch.hint')}><span /></Tooltip>,
        }}
        // (pages and order come from the database: a page at a time, however much waits)
        pagination={{ current: page, pageSize: TODO_PAGE_SIZE, total, showSizeChanger: false, hideOnSinglePage: true, showTotal: (n) => translate('common.total', { total: n }) }}
        onChange={(pagination, _filters, sorter) => {
          const next: TodoOrder = !Array.isArray(sorter) && sorter.columnKey === 'deadline' && sorter.order ? 'deadline' : 'waited';
          setSelected([]);
          setPage(next === order ? pagination.current ?? 1 : 1);
          setOrder(next);
        }}
      >
        {shows('workflow') && <Table.Column<TodoRow> key="workflow" title={translate('worklist.fields.workflow')} width={140} render={(_, r) => translate(r.plugin.label)} />}
        {shows('subject') && (
          <Table.Column<TodoRow>
            dataIndex="subject"
            title={translate('worklist.fields.subject')}
            render={(_, r) => (
              <Space size={6}>
                <span>{r.subject}</span>
                {r.mine && <Tag color="blue" data-testid="todo-mine">{translate(`worklist.mine.${r.mine}`)}</Tag>}
              </Space>
            )}
          />
        )}
        {shows('state') && (
          <Table.Column<TodoRow>
            key="state"
            title={translate('worklist.fields.state')}
            width={140}
            render={(_, r) => <StatusTag plugin={r.plugin} version={r.version} state={r.state} />}
          />
        )}
        <Table.Column<TodoRow>
          key="actions"
          title={translate('worklist.fields.actions')}
          render={(_, r) => (
            <Space size={[4, 4]} wrap>
              {/* As on the panel: the same buttons, greyed with the reason when held back; a click opens the panel. */}
              {r.actions.map((a) => (
                <ActionButton
                  key={a.event}
                  plugin={r.plugin}
                  version={r.version}
                  action={a}
                  facts={r.facts}
                  form={r.form}
                  size="small"
                  heldBy={r.mine === 'delegate' ? translate('worklist.mine.delegate') : null}
                />
              ))}
            </Space>
          )}
        />
        {shows('waited') && (
          <Table.Column<TodoRow>
            key="waited"
            title={translate('worklist.fields.waited')}
            width={110}
            render={(_, r) => <Tooltip title={formatDateTime(r.since)}>{formatWaited(r.waitedMs)}</Tooltip>}
          />
        )}
        {shows('deadline') && (
          <Table.Column<TodoRow>
            key="deadline"
            title={translate('worklist.fields.deadline')}
            width={210}
            sorter
            sortOrder={order === 'deadline' ? 'ascend' : null}
            sortDirections={['ascend']}
            render={(_, r) => <Deadline row={r} />}
          />
        )}
      </Table>
      {batch && <BatchDialog rows={batch.rows} event={batch.event} onClose={() => setBatch(null)} onDone={() => (setSelected([]), void load())} />}
    </List>
  );
}
