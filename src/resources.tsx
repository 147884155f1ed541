// The admin's resources: the menu and the routes Refine knows. Workflow plugins add theirs here.
import type { ResourceProps } from '@refinedev/core';
import { DashboardOutlined } from '@ant-design/icons';
import { i18n } from '@/i18n';

export function resources(): ResourceProps[] {
  return [
    {
      name: 'dashboard',
      list: '/',
      meta: { label: i18n.t('dashboard.title'), icon: <DashboardOutlined /> },
    },
  ];
}
