// The application's screens (PageDef, src/workflow/types.ts): the admin's first screen loads this
// list for its menu, routes and access, so it holds icons and lazy imports only.
import { FileDoneOutlined } from '@ant-design/icons';
import type { PageDef } from '@/plugin-api';

export const pages: PageDef[] = [
  // 申报情况, after the list of applications (10): one row per community of the street, for
  // the street's office and reviewers (who read every community's applications), and for a
  // district office, of each street under it.
  {
    name: 'applications-overview', route: '/applications-overview', label: 'worklist.applications.title', icon: <FileDoneOutlined />,
    group: 'apply', order: 20, roles: ['street_office', 'reviewer', 'district_office'], component: () => import('./pages/applications.tsx'),
    // 我的申报表, first on a filer's 工作台: its state, the filing deadline, open it (or start one).
    workCards: [{ name: 'my-application', order: 10, roles: ['community_filer'], component: () => import('./pages/dashboard.tsx') }],
  },
];
