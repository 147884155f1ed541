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
      // No mail here, so no reset link: the street office resets a forgotten password (成员 → 重置密码).
      renderContent={(content, title) => (
        <>
          {title}
          {content}
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 13, margin: '12px 0 0' }} data-testid="forgot-password">
            {translate('auth.forgotPassword')}
          </Typography.Paragraph>
        </>
      )}
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
