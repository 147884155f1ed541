import { CanAccess, useGetIdentity, useTranslation } from '@refinedev/core';
import { Card, Descriptions, Skeleton, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates';
import { Suspense } from 'react';
import { useMembershipsVersion } from '@/access/memberships';
import type { Identity } from '@/providers/auth-provider';
import { DASHBOARD_CARDS } from '@/registry/pages';
// 成员邀请 waiting for the user (nothing when none; whom to ask when the account has no role).
import MyInvitations from './invitations';
// What waits for the user, before the charts (暂无待办事项 when nothing does).
import WorkCards from './work-cards';

export default function DashboardPage() {
  const { translate } = useTranslation();
  const { data: user, isLoading } = useGetIdentity<Identity>();
  // An accepted invitation changes what the cards read (行动目标完成情况, say): they read again.
  const membershipsVersion = useMembershipsVersion();
  if (isLoading || !user) return <Skeleton active />;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <div>
        <Typography.Title level={4} style={{ marginBottom: 4 }} data-testid="welcome">
          {translate('dashboard.welcome', { name: user.name })}
        </Typography.Title>
        <Typography.Text type="secondary">{translate('dashboard.intro')}</Typography.Text>
      </div>
      <MyInvitations />
      {/* First what waits for the user: the work cards (the core's and the plugins'), by their order. */}
      <WorkCards />
      {/* Then the pages' chart cards (a plugin's, src/registry/pages.ts), each for its page's roles. */}
      <div data-testid="dashboard-charts" style={{ display: 'grid', gap: 12 }}>
        {DASHBOARD_CARDS.map(({ page, Card: PageCard }) => (
          <CanAccess key={`${page}-${membershipsVersion}`} resource={page} action="list">
            <Suspense fallback={null}>
              <PageCard />
            </Suspense>
          </CanAccess>
        ))}
      </div>
      <Card size="small" title={translate('dashboard.account')} data-testid="dashboard-account">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={translate('dashboard.fields.name')}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={translate('dashboard.fields.email')}>{user.email}</Descriptions.Item>
          <Descriptions.Item label={translate('dashboard.fields.lastSignIn')}>
            {formatDateTime(user.lastSignInAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
