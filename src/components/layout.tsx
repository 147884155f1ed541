// The signed-in admin's frame: menu, header, title. Lazy (src/App.tsx), so @refinedev/antd and
// what its components bring load after the first screen, not before it (npm run bench:bundle).
import { LeftOutlined, LogoutOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Breadcrumb, ThemedLayout, useThemedLayoutContext } from '@refinedev/antd';
import { useLink, useLogout, useMenu, useTranslation, useWarnAboutChange, type TreeMenuItem } from '@refinedev/core';
import { Button, Layout, Menu, theme, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { accessControlProvider } from '@/access/access-control';
import { useMembershipsVersion } from '@/access/memberships';
import { AppTitle } from './app-title';
import { Header } from './header';
import { PageFallback } from './page-fallback';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The menu's resources the user may open (a group: when it holds one), as access control says. */
function useAllowed(items: TreeMenuItem[]): Set<string> | null {
  const membershipsVersion = useMembershipsVersion();
  const [allowed, setAllowed] = useState<Set<string> | null>(null);
  // useMenu's items are new objects on every render: asked again only when the names change.
  const all: TreeMenuItem[] = [];
  const walk = (list: TreeMenuItem[]) => list.forEach((i) => (all.push(i), walk(i.children)));
  walk(items);
  const names = all.map((i) => i.name).join('\n');
  useEffect(() => {
    let live = true;
    void Promise.all(
      names.split('\n').map(async (name) => [name, (await accessControlProvider.can({ resource: name, action: 'list' })).can] as const),
    ).then((answers) => live && setAllowed(new Set(answers.filter(([, can]) => can).map(([name]) => name))));
    return () => {
      live = false;
    };
  }, [names, membershipsVersion]);
  return allowed;
}

/**
 * The side menu, as Refine's ThemedSider draws it but with antd's `items` (its Menu.Item children
 * are deprecated), the groups open, and the entry selected by the address: the longest entry
 * whose route the address starts with, 工作台 ('/') only on the 工作台 itself.
 */
function Sider() {
  const { token } = theme.useToken();
  const { translate } = useTranslation();
  const Link = useLink();
  const { pathname } = useLocation();
  const { menuItems } = useMenu();
  const allowed = useAllowed(menuItems);
  const { siderCollapsed, setSiderCollapsed } = useThemedLayoutContext();
  const { warnWhen, setWarnWhen } = useWarnAboutChange();
  const { mutate: logout } = useLogout();

  const routes = useMemo(() => {
    const all: { key: string; route: string }[] = [];
    const walk = (list: TreeMenuItem[]) => list.forEach((i) => (i.route && all.push({ key: i.key, route: i.route }), walk(i.children)));
    walk(menuItems);
    return all;
  }, [menuItems]);
  const selected = routes
    .filter(({ route }) => (route === '/' ? pathname === '/' : pathname === route || pathname.startsWith(`${route}/`)))
    .sort((a, b) => b.route.length - a.route.length)[0]?.key;

  const toItems = (list: TreeMenuItem[]): MenuItem[] =>
    list.flatMap((item): MenuItem[] => {
      if (!allowed?.has(item.name)) return [];
      const label = item.label ?? item.meta?.label ?? item.name;
      if (item.children.length > 0) {
        const children = toItems(item.children);
        return children.length ? [{ key: item.key, icon: item.meta?.icon ?? <UnorderedListOutlined />, label, children }] : [];
      }
      return [{ key: item.key, icon: item.meta?.icon ?? <UnorderedListOutlined />, label: <Link to={item.route ?? ''}>{label}</Link> }];
    });
  const items: MenuItem[] = [
    ...toItems(menuItems),
    { key: 'logout', icon: <LogoutOutlined />, label: translate('buttons.logout') },
  ];
  const groups = menuItems.filter((i) => i.children.length > 0).map((i) => i.key);

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return;
    if (warnWhen && !window.confirm(translate('warnWhenUnsavedChanges'))) return;
    setWarnWhen(false);
    logout();
  };

  const width = siderCollapsed ? 80 : 200;
  return (
    <>
      <div style={{ width, transition: 'all 0.2s' }} />
      <Layout.Sider
        style={{ backgroundColor: token.colorBgContainer, borderRight: `1px solid ${token.colorBgElevated}`, position: 'fixed', top: 0, height: '100vh', zIndex: 999 }}
        collapsible
        collapsed={siderCollapsed}
        // A narrow screen (below lg: a phone, a tablet) folds the menu; widening never unfolds what
        // the user folded, only the trigger does.
        onCollapse={(collapsed, type) => (type === 'clickTrigger' || collapsed) && setSiderCollapsed(collapsed)}
        collapsedWidth={80}
        breakpoint="lg"
        trigger={
          <Button type="text" style={{ borderRadius: 0, height: '100%', width: '100%', backgroundColor: token.colorBgElevated }}>
            {siderCollapsed ? <RightOutlined style={{ color: token.colorPrimary }} /> : <LeftOutlined style={{ color: token.colorPrimary }} />}
          </Button>
        }
      >
        <div
          style={{
            width, padding: siderCollapsed ? 0 : '0 16px', display: 'flex', justifyContent: siderCollapsed ? 'center' : 'flex-start',
            alignItems: 'center', height: 64, backgroundColor: token.colorBgElevated, fontSize: 14,
          }}
        >
          <AppTitle collapsed={siderCollapsed} />
        </div>
        {allowed && (
          // (folded, no group stands open: a phone folds the menu after it mounted, and antd then kept
          // the open groups as popups over the page; made again when folded or unfolded)
          <Menu
            key={siderCollapsed ? 'folded' : 'unfolded'}
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={siderCollapsed ? [] : groups}
            onClick={onClick}
            style={{ paddingTop: 8, border: 'none', overflow: 'auto', height: 'calc(100% - 72px)' }}
          />
        )}
      </Layout.Sider>
    </>
  );
}

/**
 * Where the screen sits, on every screen (the pages' own breadcrumbs are off: src/App.tsx): the
 * 工作台's icon, the menu group, the page, the action. The 工作台 shows its own name only.
 */
function WhereAmI() {
  const { pathname } = useLocation();
  return (
    <div data-testid="breadcrumb" style={{ marginBottom: 12 }}>
      <Breadcrumb showHome={pathname !== '/'} minItems={1} />
    </div>
  );
}

export default function AdminLayout() {
  return (
    <ThemedLayout Header={Header} Title={AppTitle} Sider={Sider}>
      <WhereAmI />
      <Suspense fallback={<PageFallback />}>
        <Outlet />
      </Suspense>
    </ThemedLayout>
  );
}
