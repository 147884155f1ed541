// The shell every work card on the 工作台 shares (the core's 我的待办 and the plugins' cards,
// WorkCardDef in src/workflow/types.ts): its data loaded once, the 工作台 told whether there is
// anything to show, a failure said in Chinese, and the same small card with its count and a
// link to the page where all of it is.
import { useTranslation } from '@refinedev/core';
import { Alert, Card, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * Loads a card's data once (again when `key` changes), and calls onReady with whether the card
 * shows anything: `hasWork` of the data, or true on a failure (the card shows the error).
 */
export function useWorkCardData<T>(
  load: () => Promise<T>,
  hasWork: (data: T) => boolean,
  onReady: (shown: boolean) => void,
  key: unknown = null,
): { data: T | null; failure: ReactNode } {
  const { translate } = useTranslation();
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The functions are the card's own, often new on each render: the latest is read when it runs.
  const latest = useRef({ load, hasWork });
  latest.current = { load, hasWork };

  useEffect(() => {
    let live = true;
    latest.current
      .load()
      .then((loaded) => {
        if (!live) return;
        setData(loaded);
        onReady(latest.current.hasWork(loaded));
      })
      .catch((error: { message?: string }) => {
        if (!live) return;
        setFailure(translate('errors.unknown', { message: error.message ?? '' }));
        onReady(true);
      });
    return () => {
      live = false;
    };
  }, [onReady, translate, key]);

  return { data, failure: failure && <Alert type="error" showIcon message={failure} /> };
}

export interface WorkCardShellProps {
  testId: string;
  title: ReactNode;
  /** The page with all of it (…全部). */
  all?: { to: string; label: ReactNode };
  /** The headline count; `urgent` draws it red (what waits for the user, what is overdue). */
  count?: { title: ReactNode; value: number; suffix: ReactNode; testId: string; urgent?: boolean };
  children: ReactNode;
}

export function WorkCard({ testId, title, all, count, children }: WorkCardShellProps) {
  const statistic = count && (
    <Statistic
      title={count.title}
      value={count.value}
      suffix={count.suffix}
      valueStyle={count.urgent ? { color: '#cf1322' } : undefined}
      data-testid={count.testId}
    />
  );
  return (
    <Card size="small" data-testid={testId} title={title} extra={all && <Link to={all.to}>{all.label}</Link>}>
      {statistic && all ? <Link to={all.to}>{statistic}</Link> : statistic}
      {children}
    </Card>
  );
}

/** 已逾期 / 今日截止 / 剩 N 天 for a deadline day, coloured as it presses (7 days: warning). */
export function DaysLeft({ date, today }: { date: string; today: string }) {
  const { translate } = useTranslation();
  const days = dayjs(date).diff(dayjs(today), 'day');
  return (
    <Typography.Text type={days < 0 ? 'danger' : days <= 7 ? 'warning' : 'secondary'} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
      {days < 0 ? translate('worklist.deadline.overdue') : days === 0 ? translate('worklist.deadline.today') : translate('worklist.deadline.daysLeft', { count: days })}
    </Typography.Text>
  );
}
