// 我的已办: what the signed-in user has done (every event they sent, starts included), newest
// first, with the instance it was done in and where that instance stands now; a row opens it.
import { List, useTable } from '@refinedev/antd';
import { useGetIdentity, useGo, useTranslation } from '@refinedev/core';
import { Card, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { StatusTag } from '@/components/status-tag';
import { TableToolbar, useTableSettings } from '@/components/table-toolbar';
import { formatDateTime } from '@/lib/dates';
import { jsonObject, type SelectRow } from '@/lib/rows';
import { startLabel } from '@/pages/workflow/list';
import type { Identity } from '@/providers/auth-provider';
import { eventNotes, fieldLabel, loggedLabel, stateLabel } from '@/workflow/errors';
import { PLUGINS, pluginByName } from '@/workflow/plugins';

const SELECT = 'id, instance_id, workflow, event, from_state, to_state, comment, payload, created_at, instance:workflow_instances!instance_id(state, done, version, subject:units!subject_unit_id(name))';
type EventRow = SelectRow<'workflow_events', typeof SELECT>;

function DoneTable({ userId }: { userId: string }) {
  const { translate } = useTranslation();
  const go = useGo();
  // workflow_events is scoped by the data provider (its ENGINE_SCOPES) as every list is.
  const { tableProps, tableQuery } = useTable<EventRow>({
    resource: 'workflow_events',
    meta: { select: SELECT },
    filters: {
      permanent: [
        { field: 'actor_id', operator: 'eq', value: userId },
        { field: 'workflow', operator: 'in', value: PLUGINS.map((p) => p.name) },
      ],
    },
    sorters: { permanent: [{ field: 'created_at', order: 'desc' }, { field: 'id', order: 'desc' }] },
    pagination: { pageSize: 50 },
    syncWithLocation: false,
  });
  const plugin = (row: EventRow) => pluginByName.get(row.workflow)!;
  const toggleable = useMemo(
    () => (['doneAt', 'workflow', 'subject', 'event', 'comment', 'currentState'] as const).map((key) => ({ key, title: translate(`worklist.fields.${key}`) })),
    [translate],
  );
  const settings = useTableSettings('done', toggleable);
  const shows = settings.visible;
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <TableToolbar settings={settings} onRefresh={() => void tableQuery.refetch()} refreshing={tableQuery.isFetching} />
      </div>
      <Table<EventRow>
        {...tableProps}
        rowKey="id"
        size={settings.size}
        data-testid="done-table"
        scroll={{ x: 900 }}
        locale={{ emptyText: translate('worklist.done.empty') }}
        onRow={(record) => ({ onClick: () => go({ to: `/workflows/${record.workflow}/${record.instance_id}` }), style: { cursor: 'pointer' } })}
        pagination={{ ...tableProps.pagination, hideOnSinglePage: true, showTotal: (total) => translate('common.total', { total }) }}
      >
        {shows('doneAt') && <Table.Column<EventRow> dataIndex="created_at" title={translate('worklist.fields.doneAt')} width={170} render={(v: string) => formatDateTime(v)} />}
        {shows('workflow') && <Table.Column<EventRow> key="workflow" title={translate('worklist.fields.workflow')} width={140} render={(_, r) => translate(plugin(r).label)} />}
        {shows('subject') && <Table.Column<EventRow> key="subject" title={translate('worklist.fields.subject')} render={(_, r) => r.instance?.subject?.name ?? ''} />}
        {shows('event') && (
          <Table.Column<EventRow>
            key="event"
            title={translate('worklist.fields.event')}
            render={(_, r) => (
              <span>
                {r.from_state === null ? startLabel(plugin(r), 'log') : loggedLabel(plugin(r), { event: r.event, payload: jsonObject(r.payload) })}
                {r.from_state !== r.to_state && (
                  <Typography.Text type="secondary">{`  → ${stateLabel(plugin(r), r.to_state)}`}</Typography.Text>
                )}
              </span>
            )}
          />
        )}
        {shows('comment') && (
          <Table.Column<EventRow>
            key="comment"
            title={translate('worklist.fields.comment')}
            ellipsis
            render={(_, r) => {
              // The comment, and the other words the event carried (the street's opinion on approval).
              // (an engine row's payload is not words: a person, a timer; a vote's are the action's)
              const notes = eventNotes(plugin(r), { event: r.event, comment: r.comment, payload: jsonObject(r.payload) });
              if (!notes.length) return <Typography.Text type="secondary">{translate('common.none')}</Typography.Text>;
              return notes.map((n) => (n.field === 'comment' ? n.text : `${fieldLabel(plugin(r), n.field)}：${n.text}`)).join('；');
            }}
          />
        )}
        {shows('currentState') && (
          <Table.Column<EventRow>
            key="state"
            title={translate('worklist.fields.currentState')}
            width={140}
            render={(_, r) => r.instance && <StatusTag plugin={plugin(r)} version={r.instance.version} state={r.instance.state} />}
          />
        )}
      </Table>
    </>
  );
}

export default function DonePage() {
  const { translate } = useTranslation();
  const { data: user } = useGetIdentity<Identity>();
  return (
    <List title={translate('worklist.done.title')} canCreate={false}>
      {user ? <DoneTable userId={user.id} /> : <Card loading variant="borderless" />}
    </List>
  );
}
