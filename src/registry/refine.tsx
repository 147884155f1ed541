// Refine resources and routes, generated from the registry.
import type { ResourceProps } from '@refinedev/core';
import { DashboardOutlined } from '@ant-design/icons';
import { Route } from 'react-router';
import { i18n } from '@/i18n';
import { GenericCreate, GenericEdit } from '@/pages/generic/form';
import { GenericList } from '@/pages/generic/list';
import { RESOURCES } from './resources';

export function refineResources(): ResourceProps[] {
  return [
    { name: 'dashboard', list: '/', meta: { label: i18n.t('dashboard.title'), icon: <DashboardOutlined /> } },
    ...RESOURCES.flatMap((def): ResourceProps[] => [
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
  ];
}

export function resourceRoutes() {
  return RESOURCES.map((def) => (
    <Route key={def.name} path={def.name}>
      <Route index element={<GenericList def={def} />} />
      {def.access.create.length > 0 && <Route path="create" element={<GenericCreate def={def} />} />}
      {def.access.edit.length > 0 && <Route path="edit/:id" element={<GenericEdit def={def} />} />}
      {(def.pages ?? []).map((page) => (
        <Route key={page.path} path={page.path} element={<page.component />} />
      ))}
    </Route>
  ));
}
