import { useGetIdentity, useTranslation } from '@refinedev/core';
import { Avatar, Layout, Select, Space, Typography, theme } from 'antd';
import type { Identity } from '@/providers/auth-provider';
import { LOCALES } from '@/i18n';

const LOCALE_LABELS: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '简体中文', en: 'English' };

export function Header() {
  const { token } = theme.useToken();
  const { data: user } = useGetIdentity<Identity>();
  const { translate, changeLocale, getLocale } = useTranslation();
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
          <Space size="small" data-testid="current-user">
            <Avatar size="small" style={{ background: '#c8161d' }}>{user.name.slice(0, 1)}</Avatar>
            <Typography.Text>{user.name}</Typography.Text>
          </Space>
        )}
      </Space>
    </Layout.Header>
  );
}
