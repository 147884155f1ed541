// 网格化治理's screens (PageDef), in 基层治理: the street's dashboard and the ledger of events it
// drills down to, the grid tree with its counts and coverage check, the households, and the monthly 考核. Icons and lazy imports only: the admin's first screen loads this list.
import { ApartmentOutlined, DashboardOutlined, HomeOutlined, ProfileOutlined, TrophyOutlined } from '@ant-design/icons';
import type { PageDef } from '@/plugin-api';

// Those the households' policies let read them (sql/001_grids.sql).
const READERS: PageDef['roles'] = [
  'street_office', 'reviewer', 'viewer', 'district_office', 'community_filer',
  'grid_leader', 'grid_worker', 'micro_grid_worker', 'community_worker', 'office_handler',
];

export const pages: PageDef[] = [
  {
    name: 'grid-dashboard', route: '/grid-dashboard', label: 'workflows.grid_governance.pages.dashboard', icon: <DashboardOutlined />,
    group: 'governance', order: 5, roles: READERS, component: () => import('./pages/dashboard.tsx'),
  },
  {
    name: 'grid-events', route: '/grid-events', label: 'workflows.grid_governance.pages.events', icon: <ProfileOutlined />,
    group: 'governance', order: 15, roles: READERS, component: () => import('./pages/events.tsx'),
  },
  {
    name: 'grids', route: '/grids', label: 'workflows.grid_governance.pages.grids', icon: <ApartmentOutlined />,
    group: 'governance', order: 20, roles: READERS, component: () => import('./pages/grids.tsx'),
  },
  {
    name: 'grid-households', route: '/grid-households', label: 'workflows.grid_governance.pages.households', icon: <HomeOutlined />,
    group: 'governance', order: 30, roles: READERS, component: () => import('./pages/households.tsx'),
  },
  // (the street's office, departments and district read a month as it stands; everyone else once published)
  {
    name: 'grid-assessment', route: '/grid-assessment', label: 'workflows.grid_governance.pages.assessment', icon: <TrophyOutlined />,
    group: 'governance', order: 40, roles: READERS, component: () => import('./pages/assessment.tsx'),
  },
];
