// Refine resources and routes, generated from the screens' lists: the pages (./pages.ts: the
// core's and each plugin's), the generic resources (./resources.tsx) and each plugin's list of
// instances, each in its place in the menu (./menu.tsx).
import type { Action, IResourceItem, ResourceProps } from '@refinedev/core';
import { NodeIndexOutlined } from '@ant-design/icons';
import { Route } from 'react-router';
import { lazyPage } from '@/components/lazy-page';
import { i18n } from '@/i18n';
import { DEFAULT_RESOURCE_PLACE, DEFAULT_WORKFLOW_PLACE, menuResources, type MenuEntry } from './menu';
import { PAGE_COMPONENTS, PAGES } from './pages';
import { RESOURCES } from './resources';
import type { ResourceDef } from './types';
import { WORKFLOW_CATALOG, workflowResource } from './workflows';

// Every page is lazy, so the first screen loads none of them (npm run bench:bundle); lazyPage lets
// the layout start loading the one the address names (src/App.tsx).
const GenericList = lazyPage(() => import('@/pages/generic/list').then((m) => ({ default: m.GenericList })));
// The form pages get the definition with its zod schema (./schemas.ts), which loads with them.
const formPage = (name: 'GenericCreate' | 'GenericEdit') =>
  lazyPage(async () => {
    const [{ [name]: Page }, { withSchema }] = await Promise.all([import('@/pages/generic/form'), import('./schemas')]);
    return { default: ({ def }: { def: ResourceDef }) => <Page def={withSchema(def)} /> };
  });
const GenericCreate = formPage('GenericCreate');
const GenericEdit = formPage('GenericEdit');
// A workflow's pages take its plugin, which loads with them (machines, schemas, the compiler).
const WorkflowList = lazyPage(async () => {
  const [{ WorkflowList: Page }, { pluginByName }] = await Promise.all([import('@/pages/workflow/list'), import('@/workflow/plugins')]);
  return { default: ({ name }: { name: string }) => <Page plugin={pluginByName.get(name)!} /> };
});
const WorkflowShow = lazyPage(async () => {
  const [{ WorkflowShow: Page }, { pluginByName }] = await Promise.all([import('@/pages/workflow/show'), import('@/workflow/plugins')]);
  return { default: ({ name }: { name: string }) => <Page plugin={pluginByName.get(name)!} /> };
});

/** Every menu entry: pages, generic resources, the plugins' lists of instances. */
export function menuEntries(): MenuEntry[] {
  return [
    ...PAGES.map((page): MenuEntry => ({
      place: page,
      resource: { name: page.name, list: page.route, meta: { label: i18n.t(page.label), icon: page.icon } },
    })),
    ...RESOURCES.flatMap((def): MenuEntry[] => def.shownIn ? [] : [{
      place: def.menu ?? DEFAULT_RESOURCE_PLACE,
      resource: {
        name: def.name,
        list: `/${def.name}`,
        create: def.access.create.length ? `/${def.name}/create` : undefined,
        edit: def.access.edit.length ? `/${def.name}/edit/:id` : undefined,
        meta: { label: i18n.t(def.label), icon: def.icon, canDelete: def.access.delete.length > 0 },
      },
    }]),
    // Each workflow plugin: its instances, all in workflow_instances.
    ...WORKFLOW_CATALOG.map((plugin): MenuEntry => ({
      place: plugin.menu ?? DEFAULT_WORKFLOW_PLACE,
      resource: {
        name: 'workflow_instances',
        identifier: workflowResource(plugin),
        list: `/workflows/${plugin.name}`,
        show: `/workflows/${plugin.name}/:id`,
        meta: { label: i18n.t(plugin.label), icon: <NodeIndexOutlined /> },
      },
    })),
  ];
}

export function refineResources(): ResourceProps[] {
  return [
    ...menuResources(menuEntries()),
    // A section of another resource's list: known to Refine (its label, its access), no page.
    ...RESOURCES.filter((def) => def.shownIn).map((def): ResourceProps => ({
      name: def.name,
      meta: { label: i18n.t(def.label), icon: def.icon, canDelete: false, hide: true },
    })),
  ];
}

export function resourceRoutes() {
  const pages = PAGES.map((page) => {
    const Page = PAGE_COMPONENTS.get(page.name)!;
    return page.route === '/'
      ? <Route key={page.name} index element={<Page />} />
      : <Route key={page.name} path={page.route.replace(/^\//, '')} element={<Page />} />;
  });
  const workflows = WORKFLOW_CATALOG.map((plugin) => (
    <Route key={`workflow-${plugin.name}`} path={`workflows/${plugin.name}`}>
      <Route index element={<WorkflowList name={plugin.name} />} />
      <Route path=":id" element={<WorkflowShow name={plugin.name} />} />
    </Route>
  ));
  return [...pages, ...workflows, ...RESOURCES.filter((def) => !def.shownIn).map((def) => (
    <Route key={def.name} path={def.name}>
      <Route index element={<GenericList def={def} />} />
      {def.access.create.length > 0 && <Route path="create" element={<GenericCreate def={def} />} />}
      {def.access.edit.length > 0 && <Route path="edit/:id" element={<GenericEdit def={def} />} />}
    </Route>
  ))];
}

/** Screens outside the resources, by address: their titles' i18n keys. */
const OTHER_TITLES: [RegExp, string][] = [
  [/^\/login\b/, 'pages.login.title'],
  [/^\/change-password\b/, 'pages.updatePassword.title'],
];

/**
 * The browser tab's title on every screen (Refine's DocumentTitleHandler, src/App.tsx): the
 * screen's own name from the menu's labels, then the admin's, "单位 · 全域提升"; a form or an
 * instance says which ("新建 · 单位 · 全域提升", "申报表 #12 · 全域提升").
 */
export function documentTitle({ resource, action, params, pathname }: { resource?: IResourceItem; action?: Action; params?: Record<string, string | undefined>; pathname?: string }): string {
  const app = i18n.t('app.name');
  const other = OTHER_TITLES.find(([re]) => re.test(pathname ?? ''));
  if (other) return `${i18n.t(other[1])} · ${app}`;
  const label = resource?.name ? resource.meta?.label : undefined;
  if (typeof label !== 'string' || !label) return app;
  const id = params?.id;
  if (action === 'create') return `${i18n.t('actions.create')} · ${label} · ${app}`;
  if (action === 'edit') return `${i18n.t('actions.edit')} · ${label}${id ? ` #${id}` : ''} · ${app}`;
  if (action === 'show' && id) return `${label} #${id} · ${app}`;
  return `${label} · ${app}`;
}
