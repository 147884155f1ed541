// The instances a scheduler's message lists (it tells of several due together), a page at a time
// as the recipient may read them now, each linked to its page.
import { useGo, useTranslation } from '@refinedev/core';
import { Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { supabaseClient } from '@/providers/supabase-client';
import type { Database } from '@/types/database';
import { stateLabel } from '@/workflow/errors';
import { pluginByName } from '@/workflow/plugins';

type Listed = Database['public']['Functions']['workflow_message_instances']['Returns'][number];
const PAGE_SIZE = 10;

export function MessageInstances({ messageId }: { messageId: number }) {
  const { translate } = useTranslation();
  const go = useGo();
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<Listed[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void supabaseClient
      .rpc('workflow_message_instances', { p_message_id: messageId, p_limit: PAGE_SIZE, p_offset: (page - 1) * PAGE_SIZE })
      .then(({ data, error: failed }) => {
        if (!current) return;
        setRows(data ?? []);
        setError(failed?.message ?? null);
        setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [messageId, page]);

  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  return (
    <Table<Listed>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      data-testid="message-instances"
      title={() => translate('messages.listed.title')}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: rows[0]?.total ?? 0, hideOnSinglePage: true, size: 'small', onChange: setPage }}
      onRow={(row) => ({ onClick: () => go({ to: `/workflows/${row.workflow}/${row.id}` }), style: { cursor: 'pointer' } })}
    >
      <Table.Column<Listed> key="subject" title={translate('messages.listed.subject')} render={(_, r) => r.subject_name} />
      <Table.Column<Listed>
        key="state"
        title={translate('messages.listed.state')}
        render={(_, r) => {
          const plugin = pluginByName.get(r.workflow);
          return (
            <>
              {plugin ? stateLabel(plugin, r.state) : r.state} {r.done && <Tag>{translate('messages.listed.done')}</Tag>}
            </>
          );
        }}
      />
      <Table.Column<Listed> key="open" width={80} render={() => <Typography.Link>{translate('messages.listed.open')}</Typography.Link>} />
    </Table>
  );
}
