// 我的待办 on the 工作台 (the core's work card, src/registry/pages.ts): how many instances wait for
// the user, read exactly as 我的待办 reads them (loadTodo), and the first few, the most pressing
// deadline first, each opening its panel. Nothing waiting: no card. The database orders by the
// states' deadlines (timers) and sends those few and the count; a guard's last day (the filing
// window) is known here, so the few are ordered again with both.
import { useGetIdentity, useTranslation } from '@refinedev/core';
import { List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { myMemberships } from '@/access/memberships';
import { StatusTag } from '@/components/status-tag';
import { DaysLeft, WorkCard, useWorkCardData } from '@/components/work-card';
import type { WorkCardProps } from '@/workflow/types';
import { loadTodo } from '@/pages/worklist/todo';

const SHOWN = 3;

async function load() {
  const [{ rows, total }, memberships] = await Promise.all([loadTodo({ order: 'deadline', pageSize: SHOWN }), myMemberships()]);
  return { rows, total, reviewer: memberships.some((m) => m.role === 'reviewer') };
}

export default function TodoCard({ onReady }: WorkCardProps) {
  const { translate } = useTranslation();
  const { data: identity } = useGetIdentity<{ id: string }>();
  const { data, failure } = useWorkCardData(load, (d) => d.total > 0, onReady, identity?.id);

  if (failure) return failure;
  if (!data || data.total === 0) return null;
  const { rows, total, reviewer } = data;
  // The nearest deadline first, then the longest waiting.
  const first = [...rows].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || b.waitedMs - a.waitedMs);
  return (
    <WorkCard
      testId="work-card-todo"
      title={translate('dashboard.todo.title')}
      all={{ to: '/todo', label: translate('dashboard.todo.all') }}
      count={{
        title: translate(reviewer ? 'dashboard.todo.review' : 'dashboard.todo.waiting'),
        value: total,
        suffix: translate('dashboard.unit'),
        testId: 'work-todo-count',
        urgent: true,
      }}
    >
      <List
        size="small"
        split={false}
        style={{ marginTop: 4 }}
        dataSource={first}
        renderItem={(r) => (
          <List.Item style={{ padding: '2px 0' }}>
            <Space size={6} style={{ minWidth: 0 }}>
              <Link to={`/workflows/${r.plugin.name}/${r.id}`}>{r.subject || translate(r.plugin.label)}</Link>
              <StatusTag plugin={r.plugin} version={r.version} state={r.state} style={{ marginInlineEnd: 0 }} />
            </Space>
            {r.deadline && <DaysLeft date={r.deadline} today={r.today} />}
          </List.Item>
        )}
      />
      {total > SHOWN && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {translate('dashboard.todo.more', { count: total - SHOWN })}
        </Typography.Text>
      )}
    </WorkCard>
  );
}
