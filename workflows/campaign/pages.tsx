// The campaign's screens (PageDef, src/workflow/types.ts): the admin's first screen loads this
// list for its menu, routes and access, so it holds icons and lazy imports only. Who sees each is
// who the policies let read its tables (the database decides; this keeps the menu honest). A
// district office reads its streets' results (with the 推选名单), targets and key tasks, each page
// with a picker of its streets' rounds or campaigns; the standard and scoring stay the streets'.
import { AimOutlined, FormOutlined, NotificationOutlined, ProfileOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { PageDef } from '@/plugin-api';

export const pages: PageDef[] = [
  // 评分与验收: the standard per year (the office edits it), a unit's scores in a round, a round's results (the office publishes).
  {
    name: 'standard', route: '/standard', label: 'standard.title', icon: <ProfileOutlined />, group: 'score', order: 10,
    roles: ['street_office', 'reviewer', 'viewer', 'community_filer'], component: () => import('./pages/standard/index.tsx'),
  },
  {
    name: 'scoring', route: '/scoring', label: 'scoring.title', icon: <FormOutlined />, group: 'score', order: 20,
    roles: ['street_office', 'reviewer', 'viewer', 'community_filer'], component: () => import('./pages/scoring/index.tsx'),
  },
  {
    name: 'results', route: '/results', label: 'results.title', icon: <NotificationOutlined />, group: 'score', order: 30,
    roles: ['street_office', 'reviewer', 'viewer', 'community_filer', 'district_office'], component: () => import('./pages/results/index.tsx'),
    // On the 工作台: the rounds not yet published, for the street roles and a district office (a filer's self-check is on its 申报表 card).
    workCards: [{
      name: 'open-rounds', order: 40, roles: ['street_office', 'reviewer', 'viewer', 'district_office'],
      component: () => import('./pages/dashboard/open-rounds.tsx'),
    }],
  },
  // 任务与目标, after the campaign itself (10): its dated targets, with their progress on the 工作台, and its key-task list.
  {
    name: 'targets', route: '/targets', label: 'targets.title', icon: <AimOutlined />, group: 'tasks', order: 20,
    roles: ['street_office', 'reviewer', 'viewer', 'district_office'], component: () => import('./pages/targets/index.tsx'),
    dashboardCard: () => import('./pages/targets/overview.tsx'),
  },
  {
    name: 'key-tasks', route: '/key-tasks', label: 'keyTasks.title', icon: <ScheduleOutlined />, group: 'tasks', order: 30,
    roles: ['street_office', 'reviewer', 'viewer', 'district_office'], component: () => import('./pages/key-tasks/index.tsx'),
    // On the 工作台, for the same roles: the tasks past their deadline and not done.
    workCards: [{ name: 'overdue-key-tasks', order: 30, component: () => import('./pages/dashboard/overdue-tasks.tsx') }],
  },
];
