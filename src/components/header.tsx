import { DownOutlined, LockOutlined } from '@ant-design/icons';
import { useGetIdentity, useTranslation } from '@refinedev/core';
import { Avatar, Dropdown, Grid, Layout, Select, Space, Typography, theme } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { myMemberships, useMembershipsVersion } from '@/access/memberships';
import { supabaseClient } from '@/providers/supabase-client';
import type { Identity } from '@/providers/auth-provider';
import { LOCALES } from '@/i18n';
import { MessageBell } from './message-bell';

const LOCALE_LABELS: Record<(typeof LOCALES)[number], string> = { 'zh-CN': '简体中文', en: 'English' };
// 修改密码 from the user menu: its form (zod, antd-zod) loads when it is opened.
const ChangePasswordDialog = lazy(() => import('@/pages/account/change-password-dialog'));

/** The units the user holds a role in, by name (青禾街道, 禾丰社区), as the header shows them beside the name. */
function useMyUnits(userId: string | undefined): string[] {
  const membershipsVersion = useMembershipsVersion();
  const [units, setUnits] = useState<string[]>([]);
  useEffect(() => {
    if (!userId) return;
    let live = true;
    void myMemberships().then(async (memberships) => {
      const ids = [...new Set(memberships.map((m) => m.unit_id))];
      if (!ids.length) return live && setUnits([]);
      const { data } = await supabaseClient.from('units').select('id, name').in('id', ids).order('id');
      if (live) setUnits((data ?? []).map((u) => u.name));
    });
    return () => {
      live = false;
    };
  }, [userId, membershipsVersion]);
  return units;
}

export function Header() {
  const { token } = theme.useToken();
  const { data: user } = useGetIdentity<Identity>();
  const units = useMyUnits(user?.id);
  const { translate, changeLocale, getLocale } = useTranslation();
  const [changing, setChanging] = useState(false);
  // On a phone the name and units would wrap down over the page: the avatar alone, the rest in its menu.
  const narrow = !Grid.useBreakpoint().md;
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
        {user && <MessageBell />}
        {user && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                ...(narrow ? [{ key: 'name', label: [user.name, ...units].join(' · '), disabled: true }] : []),
                { key: 'email', label: user.email, disabled: true },
                { type: 'divider' },
                { key: 'password', icon: <LockOutlined />, label: translate('password.change') },
              ],
              onClick: ({ key }) => key === 'password' && setChanging(true),
            }}
          >
            <Space size="small" data-testid="current-user" role="button" aria-label={translate('header.userMenu')} style={{ cursor: 'pointer' }}>
              <Avatar size="small" style={{ background: '#c8161d' }}>{user.name.slice(0, 1)}</Avatar>
              {!narrow && <Typography.Text>{user.name}</Typography.Text>}
              {!narrow && units.length > 0 && (
                <Typography.Text type="secondary" data-testid="current-user-unit" style={{ fontSize: 12, maxWidth: 240, display: 'inline-block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>
                  {units.join('、')}
                </Typography.Text>
              )}
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
