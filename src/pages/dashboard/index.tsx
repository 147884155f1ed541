import { useGetIdentity, useTranslation } from '@refinedev/core';
import { Card, Descriptions, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMembershipsVersion } from '@/access/memberships';
import type { Identity } from '@/providers/auth-provider';
// 成员邀请 waiting for the user (nothing when none; whom to ask when the account has no role).
import MyInvitations from './invitations';
// 行动目标完成情况 (street roles; it renders nothing for a community's filer).
import TargetsOverview from './targets';

export default function DashboardPage() {
  const { translate } = useTranslation();
  const { data: user, isLoading } = useGetIdentity<Identity>();
  // An accepted invitation changes what the targets overview reads: it reads again.
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
      <TargetsOverview key={membershipsVersion} />
      <Card size="small" title={translate('dashboard.account')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={translate('dashboard.fields.name')}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={translate('dashboard.fields.email')}>{user.email}</Descriptions.Item>
          <Descriptions.Item label={translate('dashboard.fields.lastSignIn')}>
            {user.lastSignInAt ? dayjs(user.lastSignInAt).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
