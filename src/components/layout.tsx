// The signed-in admin's frame: menu, header, title. Lazy (src/App.tsx), so @refinedev/antd and
// what its components bring load after the first screen, not before it (npm run bench:bundle).
import { ThemedLayout, ThemedSider } from '@refinedev/antd';
import { Suspense, type ComponentProps } from 'react';
import { Outlet } from 'react-router';
import { AppTitle } from './app-title';
import { Header } from './header';
import { PageFallback } from './page-fallback';

// The menu's groups (src/registry/menu.tsx) start open: every page stays one click away, as before
// the menu was grouped.
const Sider = (props: ComponentProps<typeof ThemedSider>) => <ThemedSider {...props} fixed siderItemsAreCollapsed={false} />;

export default function AdminLayout() {
  return (
    <ThemedLayout Header={Header} Title={AppTitle} Sider={Sider}>
      <Suspense fallback={<PageFallback />}>
        <Outlet />
      </Suspense>
    </ThemedLayout>
  );
}
