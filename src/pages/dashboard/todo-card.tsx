// 我的待办 on the 工作台 (the core's work card, src/registry/pages.ts): how many instances wait for
// the user, read exactly as 我的待办 reads them (loadTodo), and the first few, the most pressing
// deadline first, each opening its panel. Nothing waiting: no card.
import { useGetIdentity, useTranslation } from '@refinedev/core';
import { Alert, Card, List, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { myMemberships } from '@/access/memberships';
import { stateLabel } from '@/workflow/errors';
import type { WorkCardProps } from '@/workflow/types';
import { loadTodo, type TodoRow } from '@/pages/worklist/todo';

const SHOWN = 3;

export default function TodoCard({ onReady }: WorkCardProps) {
  const { translate } = useTranslation();
  const { data: identity } = useGetIdentity<{ id: string }>();
  const [rows, setRows] = useState<TodoRow[] | null>(null);
  const [reviewer, setReviewer] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([loadTodo(), myMemberships()])
      .then(([todo, memberships]) => {
        if (!live) return;
        setRows(todo);
        setReviewer(memberships.some((m) => m.role === 'reviewer'));
        onReady(todo.length > 0);
      })
      .catch((error: { message?: string }) => {
        if (!live) return;
        setFailure(translate('errors.unknown', { message: error.message ?? '' }));
        onReady(true);
      });
    return () => {
      live = false;
    };
  }, [identity?.id, onReady, translate]);

  if (failure) return <Alert type="error" showIcon message={failure} />;
  if (!rows || rows.length === 0) return null;
  // The nearest deadline first, then the longest waiting.
  const first = [...rows]
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || b.waitedMs - a.waitedMs)
    .slice(0, SHOWN);
  return (
    <Card
      size="small"
      data-testid="work-card-todo"
      title={translate('dashboard.todo.title')}
      extra={<Link to="/todo">{translate('dashboard.todo.all')}</Link>}
    >
      <Link to="/todo">
        <Statistic
          title={translate(reviewer ? 'dashboard.todo.review' : 'dashboard.todo.waiting')}
          value={rows.length}
          suffix={translate('dashboard.unit')}
          valueStyle={{ color: '#cf1322' }}
          data-testid="work-todo-count"
        />
      </Link>
      <List
        size="small"
        split={false}
        style={{ marginTop: 4 }}
        dataSource={first}
        renderItem={(r) => {
          const days = r.deadline ? dayjs(r.deadline).diff(dayjs(r.today), 'day') : null;
          return (
            <List.Item style={{ padding: '2px 0' }}>
              <Space size={6} style={{ minWidth: 0 }}>
                <Link to={`/workflows/${r.plugin.name}/${r.id}`}>{r.subject || translate(r.plugin.label)}</Link>
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>{stateLabel(r.plugin, r.state)}</Tag>
              </Space>
              {days !== null && (
                <Typography.Text type={days < 0 ? 'danger' : days <= 7 ? 'warning' : 'secondary'} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {days < 0 ? translate('worklist.deadline.overdue') : days === 0 ? translate('worklist.deadline.today') : translate('worklist.deadline.daysLeft', { count: days })}
                </Typography.Text>
              )}
            </List.Item>
          );
        }}
      />
      {rows.length > SHOWN && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {translate('dashboard.todo.more', { count: rows.length - SHOWN })}
        </Typography.Text>
      )}
    </Card>
  );
}
