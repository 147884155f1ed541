// The login screen on antd's Form and Refine's useLogin, as @refinedev/antd's AuthPage draws it,
// without that package: it would bring every antd component it wraps (tables, trees, selects) to
// the first screen, which needs a card and two fields (npm run bench:first-screen).
import { useLogin, useTranslation } from '@refinedev/core';
import { Button, Card, Form, Input, Typography, theme } from 'antd';
import { AppIcon } from '@/components/app-icon';

interface LoginForm {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { translate } = useTranslation();
  const { token } = theme.useToken();
  const { mutate: login, isPending } = useLogin<LoginForm>();
  return (
    <div style={{ minHeight: '100dvh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: '16px 4%', background: token.colorBgLayout }}>
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', marginBottom: 32 }}>
          <Typography.Title level={3} style={{ margin: 0, display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <AppIcon /> {translate('app.name')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {translate('app.fullName')}
            <br />
            {translate('app.loginSubtitle')}
          </Typography.Paragraph>
        </div>
        <Card style={{ padding: 32 }} styles={{ body: { padding: 0 } }}>
          <Typography.Title level={3} style={{ color: token.colorPrimaryTextHover, textAlign: 'center', fontSize: 24, lineHeight: '32px', margin: '0 0 32px' }}>
            {translate('pages.login.title')}
          </Typography.Title>
          <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={(values) => login(values)}>
            <Form.Item
              name="email"
              label={translate('pages.login.fields.email')}
              rules={[
                { required: true, message: translate('pages.login.errors.requiredEmail') },
                { type: 'email', message: translate('pages.login.errors.validEmail') },
              ]}
            >
              <Input size="large" autoComplete="username" placeholder={translate('pages.login.fields.email')} />
            </Form.Item>
            <Form.Item name="password" label={translate('pages.login.fields.password')} rules={[{ required: true, message: translate('pages.login.errors.requiredPassword') }]}>
              <Input.Password size="large" autoComplete="current-password" placeholder="●●●●●●●●" />
            </Form.Item>
            <Form.Item style={{ marginTop: 24 }}>
              <Button type="primary" size="large" htmlType="submit" loading={isPending} block>
                {translate('pages.login.signin')}
              </Button>
            </Form.Item>
          </Form>
          {/* No mail here, so no reset link: the street office resets a forgotten password (成员 → 重置密码). */}
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 13, margin: '12px 0 0' }} data-testid="forgot-password">
            {translate('auth.forgotPassword')}
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
