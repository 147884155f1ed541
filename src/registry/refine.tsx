// Refine resources and routes, generated from the registry.
import type { ResourceProps } from '@refinedev/core';
import { CheckSquareOutlined, DashboardOutlined, FileDoneOutlined, FormOutlined, HistoryOutlined, NodeIndexOutlined, ProfileOutlined, ScheduleOutlined, AimOutlined, NotificationOutlined } from '@ant-design/icons';
import { Route } from 'react-router';
import { lazyPage } from '@/components/lazy-page';
import { i18n } from '@/i18n';
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
// The work lists: pages of their own, resources so they are in the menu (access: access-control.ts).
const TodoPage = lazyPage(() => import('@/pages/worklist/todo'));
const DonePage = lazyPage(() => import('@/pages/worklist/done'));
const ApplicationsOverviewPage = lazyPage(() => import('@/pages/worklist/applications'));
// 重点任务: the campaign's key-task list (access: access-control.ts).
const KeyTasksPage = lazyPage(() => import('@/pages/key-tasks'));
// 行动目标: the campaign's dated targets (access: access-control.ts).
const TargetsPage = lazyPage(() => import('@/pages/targets'));
// 评分标准: the campaign's scoring standard per year (access: access-control.ts).
const StandardPage = lazyPage(() => import('@/pages/standard'));
// 评分表: a unit's scores in a round (access: access-control.ts).
const ScoringPage = lazyPage(() => import('@/pages/scoring'));
// 评分通报: a round's results, published by the office (access: access-control.ts).
const ResultsPage = lazyPage(() => import('@/pages/results'));

export function refineResources(): ResourceProps[] {
  return [
    { name: 'dashboard', list: '/', meta: { label: i18n.t('dashboard.title'), icon: <DashboardOutlined /> } },
    { name: 'todo', list: '/todo', meta: { label: i18n.t('worklist.todo.title'), icon: <CheckSquareOutlined /> } },
    { name: 'done', list: '/done', meta: { label: i18n.t('worklist.done.title'), icon: <HistoryOutlined /> } },
    { name: 'applications-overview', list: '/applications-overview', meta: { label: i18n.t('worklist.applications.title'), icon: <FileDoneOutlined /> } },
    { name: 'key-tasks', list: '/key-tasks', meta: { label: i18n.t('keyTasks.title'), icon: <ScheduleOutlined /> } },
    { name: 'targets', list: '/targets', meta: { label: i18n.t('targets.title'), icon: <AimOutlined /> } },
    { name: 'standard', list: '/standard', meta: { label: i18n.t('standard.title'), icon: <ProfileOutlined /> } },
    { name: 'scoring', list: '/scoring', meta: { label: i18n.t('scoring.title'), icon: <FormOutlined /> } },
    { name: 'results', list: '/results', meta: { label: i18n.t('results.title'), icon: <NotificationOutlined /> } },
    ...RESOURCES.flatMap((def): ResourceProps[] => def.shownIn ? [
      // A section of another resource's list: known to Refine (its label, its access), no page.
      { name: def.name, meta: { label: i18n.t(def.label), icon: def.icon, canDelete: false, hide: true } },
    ] : [
      {
        name: def.name,
        list: `/${def.name}`,
        create: def.access.create.length ? `/${def.name}/create` : undefined,
        edit: def.access.edit.length ? `/${def.name}/edit/:id` : undefined,
        meta: { label: i18n.t(def.label), icon: def.icon, canDelete: def.access.delete.length > 0 },
      },
      ...(def.pages ?? []).map((page) => ({
        name: `${def.name}/${page.path}`,
        list: `/${def.name}/${page.path}`,
        meta: { label: i18n.t(page.label), icon: def.icon, parent: undefined },
      })),
    ]),
    // Each workflow plugin: its instances, all in workflow_instances.
    ...WORKFLOW_CATALOG.map((plugin): ResourceProps => ({
      name: 'workflow_instances',
      identifier: workflowResource(plugin),
      list: `/workflows/${plugin.name}`,
      show: `/workflows/${plugin.name}/:id`,
      meta: { label: i18n.t(plugin.label), icon: <NodeIndexOutlined /> },
    })),
  ];
}

export function resourceRoutes() {
  const workflows = WORKFLOW_CATALOG.map((plugin) => (
    <Route key={`workflow-${plugin.name}`} path={`workflows/${plugin.name}`}>
      <Route index element={<WorkflowList name={plugin.name} />} />
      <Route path=":id" element={<WorkflowShow name={plugin.name} />} />
    </Route>
  ));
  const worklists = [
    <Route key="todo" path="todo" element={<TodoPage />} />,
    <Route key="done" path="done" element={<DonePage />} />,
    <Route key="applications-overview" path="applications-overview" element={<ApplicationsOverviewPage />} />,
    <Route key="key-tasks" path="key-tasks" element={<KeyTasksPage />} />,
    <Route key="targets" path="targets" element={<TargetsPage />} />,
    <Route key="standard" path="standard" element={<StandardPage />} />,
    <Route key="scoring" path="scoring" element={<ScoringPage />} />,
    <Route key="results" path="results" element={<ResultsPage />} />,
  ];
  return [...worklists, ...workflows, ...RESOURCES.filter((def) => !def.shownIn).map((def) => (
    <Route key={def.name} path={def.name}>
      <Route index element={<GenericList def={def} />} />
      {def.access.create.length > 0 && <Route path="create" element={<GenericCreate def={def} />} />}
      {def.access.edit.length > 0 && <Route path="edit/:id" element={<GenericEdit def={def} />} />}
      {(def.pages ?? []).map((page) => (
        <Route key={page.path} path={page.path} element={<page.component />} />
      ))}
    </Route>
  ))];
}
