import { AuthPage } from '@refinedev/antd';
import { useTranslation } from '@refinedev/core';
import { Typography } from 'antd';
import { AppIcon } from '@/components/app-title';

export default function LoginPage() {
  const { translate } = useTranslation();
  return (
    <AuthPage
      type="login"
      registerLink={false}
      forgotPasswordLink={false}
      rememberMe={false}
      title={
        <div style={{ textAlign: 'center', marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0, display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <AppIcon /> {translate('app.name')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {translate('app.fullName')}
            <br />
            {translate('app.loginSubtitle')}
          </Typography.Paragraph>
        </div>
      }
    />
  );
}
