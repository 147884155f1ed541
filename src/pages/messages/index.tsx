// 消息中心: what the engine told me — a deadline coming, one passed, an overdue step to follow up,
// a 催办, a step assigned, delegated or returned to me, a copy (抄送) — newest first, unread first
// in the filter's default; 抄送我的 lists the copies, read and unread. Opening one marks it read and goes
// to its instance; one that tells of several instances due together opens its list of them. The
// bell in the header counts the unread (src/components/message-bell.tsx).
import { List } from '@refinedev/antd';
import { useGo, useTranslation } from '@refinedev/core';
import { App, Badge, Button, Segmented, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { messagesChanged } from '@/components/message-bell';
import { TableToolbar, useTableSettings } from '@/components/table-toolbar';
import { formatDateTime, formatDeadline } from '@/lib/dates';
import { supabaseClient } from '@/providers/supabase-client';
import { stateLabel } from '@/workflow/errors';
import { pluginByName } from '@/workflow/plugins';
import { MessageInstances } from './listed';

interface MessageRow {
  id: number;
  kind: 'deadline_soon' | 'overdue' | 'escalated' | 'urged' | 'assigned' | 'delegated' | 'delegation_done' | 'cc' | 'returned';
  state: string;
  deadline_at: string | null;
  comment: string | null;
  created_at: string;
  read_at: string | null;
  /** Set on a message about several instances (it names none), with how many. */
  workflow: string | null;
  instance_count: number;
  instance: { id: number; workflow: string; subject: { name: string } | null } | null;
}

const SELECT = 'id, kind, state, deadline_at, comment, created_at, read_at, workflow, instance_count, instance:workflow_instances(id, workflow, subject:units!subject_unit_id(name))';
const PAGE_SIZE = 20;
const KIND_COLOR: Record<MessageRow['kind'], string> = {
  deadline_soon: 'gold', overdue: 'red', escalated: 'volcano', urged: 'blue',
  assigned: 'geekblue', delegated: 'cyan', delegation_done: 'green', cc: 'purple', returned: 'orange',
};
const FILTERS = ['unread', 'cc', 'all'] as const;

/** The message's sentence: the workflow, its subject and step, and the deadline. */
function useMessageText() {
  const { translate } = useTranslation();
  return (row: MessageRow) => {
    const workflow = row.instance?.workflow ?? row.workflow;
    const plugin = workflow ? pluginByName.get(workflow) : undefined;
    return translate(row.instance_count > 1 ? `messages.list.${row.kind}` : `messages.text.${row.kind}`, {
      workflow: plugin ? translate(plugin.label) : '',
      subject: row.instance?.subject?.name ?? '',
      state: plugin ? stateLabel(plugin, row.state) : row.state,
      deadline: formatDeadline(row.deadline_at),
      count: row.instance_count,
    });
  };
}

export default function MessagesPage() {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const go = useGo();
  const text = useMessageText();
  const [params, setParams] = useSearchParams();
  const filter = FILTERS.find((f) => f === params.get('filter')) ?? 'unread';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [rows, setRows] = useState<MessageRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [expanded, setExpanded] = useState<number[]>([]);
  const columns = ['time', 'kind', 'content', 'comment', 'status'] as const;
  const settings = useTableSettings('messages', columns.map((key) => ({ key, title: translate(`messages.fields.${key}`) })));
  const shows = settings.visible;

  const load = useCallback(async () => {
    setLoading(true);
    let query = supabaseClient.from('workflow_messages').select(SELECT, { count: 'exact' }).order('id', { ascending: false });
    if (filter === 'unread') query = query.is('read_at', null);
    if (filter === 'cc') query = query.eq('kind', 'cc');
    const { data, count } = await query.range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1);
    setRows((data ?? []) as MessageRow[]);
    setTotal(count ?? 0);
    setLoading(false);
  }, [filter, page]);
  useEffect(() => void load(), [load]);

  // (`stay`: the row keeps its place until the list is loaded again, as a list opened to be read)
  const mark = async (ids: number[] | 'all', read: boolean, stay = false) => {
    const readAt = read ? new Date().toISOString() : null;
    let query = supabaseClient.from('workflow_messages').update({ read_at: readAt });
    query = ids === 'all' ? query.is('read_at', null) : query.in('id', ids);
    const { error, data } = await query.select('id');
    if (error) return void message.error(error.message);
    if (ids === 'all') message.success(translate('messages.markedAllRead', { count: data.length }));
    messagesChanged();
    if (stay && ids !== 'all') setRows((current) => current.map((r) => (ids.includes(r.id) ? { ...r, read_at: readAt } : r)));
    else await load();
  };
  const open = async (row: MessageRow) => {
    if (row.instance_count > 1) {
      setExpanded((keys) => (keys.includes(row.id) ? keys.filter((k) => k !== row.id) : [...keys, row.id]));
      if (!row.read_at) await mark([row.id], true, true);
      return;
    }
    if (!row.read_at) await mark([row.id], true);
    if (row.instance) go({ to: `/workflows/${row.instance.workflow}/${row.instance.id}` });
  };

  return (
    <List
      title={translate('messages.title')}
      canCreate={false}
      headerButtons={
        <Button onClick={() => void mark('all', true)} disabled={filter === 'unread' && total === 0} data-testid="messages-mark-all">
          {translate('messages.markAllRead')}
        </Button>
      }
    >
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Segmented
          value={filter}
          onChange={(value) => setParams({ filter: String(value) })}
          options={[
            { value: 'unread', label: translate('messages.unread') },
            { value: 'cc', label: translate('messages.cc') },
            { value: 'all', label: translate('messages.all') },
          ]}
          data-testid="messages-filter"
        />
        <TableToolbar settings={settings} onRefresh={() => void load()} />
      </Space>
      <Table<MessageRow>
        rowKey="id"
        size={settings.size}
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: translate(filter === 'unread' ? 'messages.emptyUnread' : 'messages.empty') }}
        onRow={(row) => ({ onClick: () => void open(row), style: { cursor: 'pointer' }, 'data-testid': 'message-row' }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          rowExpandable: (row) => row.instance_count > 1,
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
          // (opened by its icon, it is read as when the row is clicked)
          onExpand: (opened, row) => void (opened && !row.read_at && mark([row.id], true, true)),
          expandedRowRender: (row) => <MessageInstances messageId={row.id} />,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          hideOnSinglePage: true,
          showTotal: (count) => translate('common.total', { total: count }),
          onChange: (next) => setParams({ filter, page: String(next) }),
        }}
        scroll={{ x: 720 }}
      >
        {shows('time') && <Table.Column<MessageRow> key="time" title={translate('messages.fields.time')} width={170} render={(_, r) => formatDateTime(r.created_at)} />}
        {shows('kind') && (
          <Table.Column<MessageRow>
            key="kind"
            title={translate('messages.fields.kind')}
            width={110}
            render={(_, r) => <Badge color={KIND_COLOR[r.kind]} text={translate(`messages.kinds.${r.kind}`)} />}
          />
        )}
        {shows('content') && (
          <Table.Column<MessageRow>
            key="content"
            title={translate('messages.fields.content')}
            render={(_, r) => <Typography.Text strong={!r.read_at}>{text(r)}</Typography.Text>}
          />
        )}
        {shows('comment') && <Table.Column<MessageRow> key="comment" title={translate('messages.fields.comment')} width={200} render={(_, r) => r.comment ?? ''} />}
        {shows('status') && (
          <Table.Column<MessageRow>
            key="status"
            title={translate('messages.fields.status')}
            width={150}
            render={(_, r) => (
              <Space size={4}>
                <Typography.Text type={r.read_at ? 'secondary' : undefined}>{translate(r.read_at ? 'messages.read' : 'messages.unread')}</Typography.Text>
                <Button
                  type="link"
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    void mark([r.id], !r.read_at);
                  }}
                >
                  {translate(r.read_at ? 'messages.markUnread' : 'messages.markRead')}
                </Button>
              </Space>
            )}
          />
        )}
      </Table>
    </List>
  );
}
