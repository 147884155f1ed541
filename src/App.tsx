import { Authenticated, Refine } from '@refinedev/core';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, UnsavedChangesNotifier } from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, createRoutesFromChildren, matchRoutes, Outlet, Route, Routes } from 'react-router';
import { lazyPage, preloadElement } from '@/components/lazy-page';
import { PageFallback } from '@/components/page-fallback';
import { PasswordGate } from '@/components/password-gate';
import { i18nProvider } from '@/i18n';
import { accessControlProvider } from '@/access/access-control';
import { authProvider } from '@/providers/auth-provider';
import { dataProvider } from '@/providers/data-provider';
import { useNotificationProvider } from '@/providers/notification-provider';
import { documentTitle, refineResources, resourceRoutes } from '@/registry/refine';

// Every page is its own chunk: the login screen does not load the admin's pages. The layout too,
// with @refinedev/antd, which the first screen does not need (npm run bench:bundle); it starts
// loading the page the address names at the same time as itself.
const AdminLayout = lazyPage(() => {
  preloadElement(matchRoutes(createRoutesFromChildren(adminPages()), window.location.pathname)?.at(-1)?.route.element);
  return import('@/components/layout');
});
const ErrorComponent = lazy(() => import('@refinedev/antd').then((m) => ({ default: m.ErrorComponent })));
const LoginPage = lazyPage(() => import('@/pages/login'));

/**
 * Resolves once the login screen's chunk is in, when that is the screen the visit opens on (the
 * address is /login, or no one is signed in in this browser): the first render then shows it at
 * once, with no Suspense fallback before it. Any other screen waits for the session check first.
 */
export function firstScreenReady(): Promise<unknown> {
  const signedIn = Object.keys(localStorage).some((key) => key.startsWith('sb-') && key.endsWith('-auth-token'));
  if (window.location.pathname !== '/login' && signedIn) return Promise.resolve();
  // Once the login screen has painted and while it waits for the user, the layout and the 工作台
  // load, so that signing in renders them at once.
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 300));
  return LoginPage.preload()
    .catch(() => undefined)
    .then(() => void whenIdle(() => preloadAdmin('/')));
}

/** Loads the layout and the page at `path` ahead of their first render. */
function preloadAdmin(path: string) {
  void AdminLayout.preload().catch(() => undefined);
  preloadElement(matchRoutes(createRoutesFromChildren(adminPages()), path)?.at(-1)?.route.element);
}
const PrintPage = lazy(() => import('@/pages/workflow/print'));
const ChangePasswordPage = lazy(() => import('@/pages/account/change-password'));

/** The pages inside the layout (the 工作台 among them, at the index). */
function adminPages() {
  return resourceRoutes();
}

const theme = {
  token: {
    colorPrimary: '#c8161d',
    borderRadius: 4,
    fontSize: 14,
    fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Layout: { siderBg: '#fff' } },
};

export default function App() {
  const { i18n } = useTranslation();
  return (
    <BrowserRouter>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        theme={theme}
        componentSize="middle"
        button={{ autoInsertSpace: false }}
      >
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            accessControlProvider={accessControlProvider}
            authProvider={authProvider}
            routerProvider={routerProvider}
            i18nProvider={i18nProvider}
            notificationProvider={useNotificationProvider}
            resources={refineResources()}
            // One breadcrumb for every screen, the layout's (src/components/layout.tsx), not one per page.
            options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true, breadcrumb: false }}
          >
            <Suspense fallback={<PageFallback />}>
              <Routes>
                <Route
                  element={
                    <Authenticated key="admin" fallback={<CatchAllNavigate to="/login" />}>
                      {/* A member whose password the office reset changes it first (/change-password). */}
                      <PasswordGate preload={AdminLayout.preload}>
                        <AdminLayout />
                      </PasswordGate>
                    </Authenticated>
                  }
                >
                  {adminPages()}
                  <Route path="*" element={<ErrorComponent />} />
                </Route>
                {/* Printable pages: no menu or header, an A4 sheet. */}
                <Route
                  element={
                    <Authenticated key="print" fallback={<CatchAllNavigate to="/login" />}>
                      <PasswordGate>
                        <Outlet />
                      </PasswordGate>
                    </Authenticated>
                  }
                >
                  <Route path="/print/:workflow/:id" element={<PrintPage />} />
                </Route>
                {/* 请修改密码: no menu or header, nothing else to open until it is done. */}
                <Route
                  element={
                    <Authenticated key="change-password" fallback={<CatchAllNavigate to="/login" />}>
                      <Outlet />
                    </Authenticated>
                  }
                >
                  <Route path="/change-password" element={<ChangePasswordPage />} />
                </Route>
                <Route
                  element={
                    <Authenticated key="auth-pages" fallback={<Outlet />}>
                      <CatchAllNavigate to="/" />
                    </Authenticated>
                  }
                >
                  <Route path="/login" element={<LoginPage />} />
                </Route>
              </Routes>
            </Suspense>
            <UnsavedChangesNotifier />
            <DocumentTitleHandler handler={documentTitle} />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
