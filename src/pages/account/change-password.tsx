// 请修改密码: where a member whose password the street office reset is sent after signing in
// (src/components/password-gate.tsx), outside the layout, with nothing else to open until a new
// password is set. Once it is, the flag is false and the admin opens at the dashboard. Anyone
// else who opens the address is sent on to the dashboard.
import { useGetIdentity, useLogout, useTranslation } from '@refinedev/core';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { useMustChangePassword } from '@/access/password';
import { AppIcon } from '@/components/app-icon';
import { PageFallback } from '@/components/page-fallback';
import type { Identity } from '@/providers/auth-provider';
import { ChangePasswordForm } from './password-form';

export default function ChangePasswordPage() {
  const { translate } = useTranslation();
  const mustChange = useMustChangePassword();
  const { data: user } = useGetIdentity<Identity>();
  const { mutate: logout } = useLogout();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);

  if (mustChange === undefined) return <PageFallback />;
  if (!mustChange) return <Navigate to="/" replace />;

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5', padding: 24 }}>
      <Card style={{ width: 420, maxWidth: '100%' }} data-testid="change-password">
        <Typography.Title level={4} style={{ marginTop: 0, display: 'flex', alignItems: 'center', gap: 8 }}>
          <AppIcon /> {translate('password.forced.title')}
        </Typography.Title>
        {user && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {translate('password.forced.account', { name: user.name, email: user.email })}
          </Typography.Paragraph>
        )}
        <Alert type="warning" showIcon message={translate('password.forced.hint')} style={{ marginBottom: 16 }} />
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
        <ChangePasswordForm
          name="forced-password"
          submitLabel={translate('password.forced.submit')}
          onFailure={setFailure}
          onDone={() => void message.success({ content: translate('password.changed'), duration: 6 })}
          footer={
            <Button type="link" block onClick={() => logout()}>
              {translate('password.forced.logout')}
            </Button>
          }
        />
      </Card>
    </div>
  );
}
