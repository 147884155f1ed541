// The core's own screens. A plugin lists its screens the same way (its `pages`,
// workflows/<name>/pages.tsx); ./pages.ts puts both together for the resources, the routes, the
// menu (./menu.tsx) and access control. The generic resources (units, members: ./resources.tsx)
// say their place in the menu with `menu`.
import { ApartmentOutlined, BellOutlined, CheckSquareOutlined, DashboardOutlined, HistoryOutlined, SwapOutlined } from '@ant-design/icons';
import type { PageDef } from '@/workflow/types';

export const CORE_PAGES: PageDef[] = [
  // 工作台, 我的待办, 我的已办, 消息中心: everyone's own, at the top.
  { name: 'dashboard', route: '/', label: 'dashboard.title', icon: <DashboardOutlined />, order: 10, component: () => import('@/pages/dashboard') },
  { name: 'todo', route: '/todo', label: 'worklist.todo.title', icon: <CheckSquareOutlined />, order: 20, component: () => import('@/pages/worklist/todo') },
  { name: 'done', route: '/done', label: 'worklist.done.title', icon: <HistoryOutlined />, order: 30, component: () => import('@/pages/worklist/done') },
  { name: 'messages', route: '/messages', label: 'messages.title', icon: <BellOutlined />, order: 40, component: () => import('@/pages/messages') },
  // 单位树 beside 单位 (10) and 成员 (30): the street roles read the whole street's tree, a
  // district office each of its streets'.
  {
    name: 'units/tree', route: '/units/tree', label: 'units.tree', icon: <ApartmentOutlined />, group: 'system', order: 20,
    roles: ['street_office', 'reviewer', 'viewer', 'district_office'], component: () => import('@/pages/units/tree'),
  },
  // 流程版本迁移: the street office moves its running instances to a later version.
  {
    name: 'workflow-migrations', route: '/workflow-migrations', label: 'migration.title', icon: <SwapOutlined />, group: 'system', order: 40,
    roles: ['street_office'], component: () => import('@/pages/workflow/migrate'),
  },
];
