import { ErrorComponent, ThemedLayout, ThemedSider, useNotificationProvider } from '@refinedev/antd';
import { Authenticated, Refine } from '@refinedev/core';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, UnsavedChangesNotifier } from '@refinedev/react-router';
import { App as AntdApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { AppTitle } from '@/components/app-title';
import { Header } from '@/components/header';
import { i18nProvider } from '@/i18n';
import { accessControlProvider } from '@/access/access-control';
import { authProvider } from '@/providers/auth-provider';
import { dataProvider } from '@/providers/data-provider';
import { refineResources, resourceRoutes } from '@/registry/refine';

// Every page is its own chunk: the login screen does not load the admin's pages.
const LoginPage = lazy(() => import('@/pages/login'));
const DashboardPage = lazy(() => import('@/pages/dashboard'));
const PrintPage = lazy(() => import('@/pages/workflow/print'));

const theme = {
  token: {
    colorPrimary: '#c8161d',
    borderRadius: 4,
    fontSize: 14,
    fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Layout: { siderBg: '#fff' } },
};

function PageFallback() {
  return <Spin style={{ display: 'block', margin: '64px auto' }} />;
}

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
            options={{ syncWithLocation: true, warnWhenUnsavedChanges: true, disableTelemetry: true }}
          >
            <Suspense fallback={<PageFallback />}>
              <Routes>
                <Route
                  element={
                    <Authenticated key="admin" fallback={<CatchAllNavigate to="/login" />}>
                      <ThemedLayout Header={Header} Title={AppTitle} Sider={(props) => <ThemedSider {...props} fixed />}>
                        <Suspense fallback={<PageFallback />}>
                          <Outlet />
                        </Suspense>
                      </ThemedLayout>
                    </Authenticated>
                  }
                >
                  <Route index element={<DashboardPage />} />
                  {resourceRoutes()}
                  <Route path="*" element={<ErrorComponent />} />
                </Route>
                {/* Printable pages: no menu or header, an A4 sheet. */}
                <Route
                  element={
                    <Authenticated key="print" fallback={<CatchAllNavigate to="/login" />}>
                      <Outlet />
                    </Authenticated>
                  }
                >
                  <Route path="/print/:workflow/:id" element={<PrintPage />} />
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
            <DocumentTitleHandler />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
