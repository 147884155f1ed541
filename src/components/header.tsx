import { DownOutlined, LockOutlined } from '@ant-design/icons';
import { useGetIdentity, useTranslation } from '@refinedev/core';
import { Avatar, Dropdown, Layout, Select, Space, Typography, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { Identity } from '@/providers/auth-provider';
import { LOCALES } from '@/i18n';

const LOCALE_LABELS: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '简体中文', en: 'English' };
// 修改密码 from the user menu: its form (zod, antd-zod) loads when it is opened.
const ChangePasswordDialog = lazy(() => import('@/pages/account/change-password-dialog'));

export function Header() {
  const { token } = theme.useToken();
  const { data: user } = useGetIdentity<Identity>();
  const { translate, changeLocale, getLocale } = useTranslation();
  const [changing, setChanging] = useState(false);
  return (
    <Layout.Header
      style={{
        display: 'flex', justifyContent: 'flex-end', alignItems: 'center', height: 56, padding: '0 24px',
        background: token.colorBgElevated, borderBottom: `1px solid ${token.colorBorderSecondary}`,
        position: 'sticky', top: 0, zIndex: 1,
      }}
    >
      <Space size="middle">
        <Select
          size="small"
          aria-label={translate('header.language')}
          value={getLocale()}
          onChange={(locale) => changeLocale(locale)}
          options={LOCALES.map((value) => ({ value, label: LOCALE_LABELS[value] }))}
          style={{ width: 104 }}
        />
        {user && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'email', label: user.email, disabled: true },
                { type: 'divider' },
                { key: 'password', icon: <LockOutlined />, label: translate('password.change') },
              ],
              onClick: ({ key }) => key === 'password' && setChanging(true),
            }}
          >
            <Space size="small" data-testid="current-user" role="button" aria-label={translate('header.userMenu')} style={{ cursor: 'pointer' }}>
              <Avatar size="small" style={{ background: '#c8161d' }}>{user.name.slice(0, 1)}</Avatar>
              <Typography.Text>{user.name}</Typography.Text>
              <DownOutlined style={{ fontSize: 10, color: token.colorTextTertiary }} />
            </Space>
          </Dropdown>
        )}
      </Space>
      {changing && (
        <Suspense fallback={null}>
          <ChangePasswordDialog onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </Layout.Header>
  );
}
