// The login screen on antd's Form and Refine's useLogin, as @refinedev/antd's AuthPage draws it,
// without that package: it would bring every antd component it wraps (tables, trees, selects) to
// the first screen, which needs a card and two fields (npm run bench:first-screen). The card and
// the headings are plain elements on antd's theme tokens: antd's Card brings its Tabs, and
// Typography its copy, edit and ellipsis machinery, to a screen that has none of them.
import { useLogin, useTranslation } from '@refinedev/core';
import { Button, Form, Input, theme } from 'antd';
import { AppIcon } from '@/components/app-icon';

interface LoginForm {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { translate } = useTranslation();
  const { token } = theme.useToken();
  const { mutate: login, isPending } = useLogin<LoginForm>();
  const heading = { color: token.colorTextHeading, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, fontWeight: token.fontWeightStrong };
  return (
    <div style={{ minHeight: '100dvh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: '16px 4%', background: token.colorBgLayout }}>
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', marginBottom: 32 }}>
          <h1 style={{ ...heading, margin: 0, display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <AppIcon /> {translate('app.name')}
          </h1>
          <p style={{ color: token.colorTextSecondary, margin: '4px 0 0' }}>
            {translate('app.fullName')}
            <br />
            {translate('app.loginSubtitle')}
          </p>
        </div>
        <div style={{ padding: 32, background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG }}>
          <h2 style={{ ...heading, color: token.colorPrimaryTextHover, textAlign: 'center', fontSize: 24, lineHeight: '32px', margin: '0 0 32px' }}>
            {translate('pages.login.title')}
          </h2>
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
          <p style={{ color: token.colorTextSecondary, textAlign: 'center', fontSize: 13, margin: '12px 0 0' }} data-testid="forgot-password">
            {translate('auth.forgotPassword')}
          </p>
        </div>
      </div>
    </div>
  );
}
