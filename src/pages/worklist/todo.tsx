// 我的待办: every instance, of every workflow, in which the signed-in user can act now, with how
// long it has waited and by when it must be done; a row opens the instance's panel.
//
// "Waiting for the user" means: the machine offers the user at least one action in the
// instance's state for a role they hold where it lives (availableActions), whether or not a guard
// holds it back today. A draft whose submit waits for a complete form is exactly the filer's work
// still to do; the action is shown greyed, with the guard's reason on hover, as on the panel
// (both draw it with ActionButton).
import { List } from '@refinedev/antd';
import { useGo, useTranslation } from '@refinedev/core';
import { Alert, Space, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { myMemberships, rolesWhere, scopeOf } from '@/access/memberships';
import { scopeOr } from '@/access/scope-filter';
import { StatusTag } from '@/components/status-tag';
import { TableToolbar, useTableSettings } from '@/components/table-toolbar';
import { i18n } from '@/i18n';
import { deadlineDay, formatDate, formatDateTime } from '@/lib/dates';
import { supabaseClient } from '@/providers/supabase-client';
import { ActionButton } from '@/pages/workflow/action-button';
import { actionDeadline, availableActions, type AvailableAction } from '@/workflow/machine';
import { ENGINE_EVENTS } from '@/workflow/errors';
import { PLUGINS, pluginByName, versionOf } from '@/workflow/plugins';
import type { WorkflowPlugin, WorkflowVersion } from '@/workflow/types';
import { fetchAll } from '@/lib/postgrest';
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

// Since when it has waited: the instance's last transition (its latest event), not updated_at,
// which a saved draft moves too; updated_at only when the log is not readable.
const SELECT = 'id, workflow, version, state, form, street_id, community_id, updated_at, subject:units!subject_unit_id(name), last:workflow_events(created_at)';

/** What waits for the user, as the table lists it (the 工作台's 我的待办 card counts the same rows). */
export async function loadTodo(): Promise<TodoRow[]> {
  const memberships = await myMemberships();
  const scope = scopeOr(scopeOf(memberships));
  if (!scope) return [];
  // `last`: the latest logged event, when the instance entered its current state.
  const instances = await fetchAll((from, to) =>
    supabaseClient
      .from('workflow_instances')
      .select(SELECT)
      .in('workflow', PLUGINS.map((p) => p.name))
      .eq('done', false)
      .or(scope)
      .order('id')
      // (the engine's own rows, a 催办 or a reminder, do not move it into its state)
      .not('last.event', 'in', `(${ENGINE_EVENTS.join(',')})`)
      .order('id', { referencedTable: 'last', ascending: false })
      .limit(1, { referencedTable: 'last' })
      .range(from, to),
  );

  // Which instances offer the user an action: roles alone decide that (facts only decide
  // whether a guard holds the action back), so facts are fetched for these only.
  const candidates = instances.flatMap((row) => {
    const plugin = pluginByName.get(row.workflow);
    const version = plugin && versionOf(plugin, row.version);
    if (!plugin || !version) return [];
    const roles = rolesWhere(memberships, row.street_id, row.community_id);
    if (!roles.length || !availableActions(plugin, version, row.state, jsonObject(row.form), roles).length) return [];
    return [{ row, plugin, version, roles }];
  });
  // The facts of those that have any, in one request. An instance whose facts cannot be read is
  // still listed, without them: its panel says why when opened.
  const withFacts = candidates.filter(({ plugin }) => plugin.facts).map(({ row }) => row.id);
  const factsById = new Map<number, Record<string, unknown>>();
  if (withFacts.length) {
    const { data } = await supabaseClient.rpc('workflow_facts_of', { p_instance_ids: withFacts });
    for (const r of data ?? []) factsById.set(r.instance_id, jsonObject(r.facts));
  }

  // The deadlines the states declare (their timers), ahead of a guard's last day.
  const timerDeadline = new Map<number, string>();
  if (candidates.length) {
    const { data } = await supabaseClient
      .from('workflow_timers')
      .select('instance_id, state, deadline_at')
      .in('instance_id', candidates.map(({ row }) => row.id))
      .is('cancelled_at', null)
      .order('id');
    const stateOf = new Map(candidates.map(({ row }) => [row.id, row.state]));
    for (const t of data ?? []) if (stateOf.get(t.instance_id) === t.state) timerDeadline.set(t.instance_id, deadlineDay(t.deadline_at));
  }

  const now = Date.now();
  return candidates.map(({ row, plugin, version, roles }) => {
    const world = factsById.get(row.id) ?? {};
    const actions = availableActions(plugin, version, row.state, jsonObject(row.form), roles, world);
    const since = row.last[0]?.created_at ?? row.updated_at;
    return {
      id: row.id,
      plugin,
      version,
      subject: row.subject?.name ?? '',
      state: row.state,
      actions,
      facts: world,
      form: jsonObject(row.form),
      since,
      waitedMs: now - new Date(since).getTime(),
      deadline: timerDeadline.get(row.id) ?? actionDeadline(plugin, version, row.state, roles, actions, world),
      today: typeof world.today === 'string' ? world.today : dayjs().format('YYYY-MM-DD'),
    };
  });
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

export default function TodoPage() {
  const { translate } = useTranslation();
  const go = useGo();
  const [rows, setRows] = useState<TodoRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    setRows(null);
    setFailure(null);
    try {
      setRows(await loadTodo());
    } catch (error) {
      setFailure(translate('errors.unknown', { message: (error as { message?: string }).message ?? '' }));
      setRows([]);
    }
  }, [translate]);
  useEffect(() => void load(), [load]);
  const toggleable = useMemo(
    () => (['workflow', 'subject', 'state', 'waited', 'deadline'] as const).map((key) => ({ key, title: translate(`worklist.fields.${key}`) })),
    [translate],
  );
  const settings = useTableSettings('todo', toggleable);
  const shows = settings.visible;

  return (
    <List
      title={translate('worklist.todo.title')}
      canCreate={false}
      headerButtons={<TableToolbar settings={settings} onRefresh={() => void load()} refreshing={rows === null} />}
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Table<TodoRow>
        rowKey="id"
        size={settings.size}
        loading={rows === null}
        dataSource={rows ?? []}
        data-testid="todo-table"
        locale={{ emptyText: translate('worklist.todo.empty') }}
        onRow={(record) => ({ onClick: () => go({ to: `/workflows/${record.plugin.name}/${record.id}` }), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => translate('common.total', { total }) }}
      >
        {shows('workflow') && <Table.Column<TodoRow> key="workflow" title={translate('worklist.fields.workflow')} width={140} render={(_, r) => translate(r.plugin.label)} />}
        {shows('subject') && <Table.Column<TodoRow> dataIndex="subject" title={translate('worklist.fields.subject')} />}
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
                <ActionButton key={a.event} plugin={r.plugin} version={r.version} action={a} facts={r.facts} form={r.form} size="small" />
              ))}
            </Space>
          )}
        />
        {shows('waited') && (
          <Table.Column<TodoRow>
            key="waited"
            title={translate('worklist.fields.waited')}
            width={110}
            sorter={(a, b) => a.waitedMs - b.waitedMs}
            defaultSortOrder="descend"
            sortDirections={['descend', 'ascend']}
            render={(_, r) => <Tooltip title={formatDateTime(r.since)}>{formatWaited(r.waitedMs)}</Tooltip>}
          />
        )}
        {shows('deadline') && (
          <Table.Column<TodoRow>
            key="deadline"
            title={translate('worklist.fields.deadline')}
            width={210}
            sorter={(a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999')}
            render={(_, r) => <Deadline row={r} />}
          />
        )}
      </Table>
    </List>
  );
}
