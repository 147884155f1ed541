// 逾期重点任务 on the 工作台 (the key-task list's work card, ../../pages.tsx), for the street roles and
// a district office: the tasks of the user's streets past their deadline and not done, as the
// list counts them (overdueDays), the longest overdue first, each street named when there are
// several. Read-only: the list itself (/key-tasks) is where a task is followed. None: no card.
import { useTranslation } from '@refinedev/core';
import { List, Space, Typography } from 'antd';
import { fetchAll, myMemberships, scopeOf, supabaseClient, useWorkCardData, WorkCard, type WorkCardProps } from '@/plugin-api';
import { overdueDays, today } from '../key-tasks/model';

const SHOWN = 3;

interface Overdue { id: number; content: string; deadline: string; street: string; days: number }

async function load(): Promise<{ tasks: Overdue[]; streets: number }> {
  const { streets } = scopeOf(await myMemberships());
  if (!streets.length) return { tasks: [], streets: 0 };
  const on = today();
  const [tasks, units] = await Promise.all([
    fetchAll((from, to) =>
      supabaseClient
        .from('key_tasks')
        .select('id, street_id, content, deadline, status')
        .in('street_id', streets)
        .neq('status', 'done')
        .lt('deadline', on)
        .order('deadline')
        .order('id')
        .range(from, to),
    ),
    supabaseClient.from('units').select('id, name').in('id', streets),
  ]);
  const name = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const rows = tasks.flatMap((t) => {
    const days = overdueDays(t, on);
    return days > 0 && t.deadline ? [{ id: t.id, content: t.content, deadline: t.deadline, street: name.get(t.street_id) ?? '', days }] : [];
  });
  // Several streets read (a district office): each task names its street.
  return { tasks: rows, streets: streets.length };
}

export default function OverdueTasksCard({ onReady }: WorkCardProps) {
  const { translate } = useTranslation();
  const { data: loaded, failure } = useWorkCardData(load, (l) => l.tasks.length > 0, onReady);

  if (failure) return failure;
  if (!loaded || loaded.tasks.length === 0) return null;
  const { tasks } = loaded;
  return (
    <WorkCard
      testId="work-card-overdue-tasks"
      title={translate('keyTasks.dashboard.title')}
      all={{ to: '/key-tasks', label: translate('keyTasks.dashboard.all') }}
      count={{ title: translate('keyTasks.dashboard.count'), value: tasks.length, suffix: translate('keyTasks.dashboard.unit'), testId: 'work-overdue-count', urgent: true }}
    >
      <List
        size="small"
        split={false}
        style={{ marginTop: 4 }}
        dataSource={[...tasks].sort((a, b) => b.days - a.days).slice(0, SHOWN)}
        renderItem={(t) => (
          <List.Item style={{ padding: '2px 0', gap: 8 }} data-testid={`overdue-task-${t.id}`}>
            <Typography.Text ellipsis={{ tooltip: t.content }} style={{ minWidth: 0, flex: 1 }}>
              {loaded.streets > 1 && <Typography.Text type="secondary">{t.street} · </Typography.Text>}
              {t.content}
            </Typography.Text>
            <Space size={4} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t.deadline}</Typography.Text>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>{translate('keyTasks.overdue', { count: t.days })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {tasks.length > SHOWN && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{translate('keyTasks.dashboard.more', { count: tasks.length - SHOWN })}</Typography.Text>
      )}
    </WorkCard>
  );
}
