// The menu: its groups, and the resources in its order. Refine nests a resource under the one its
// `meta.parent` names, and antd's Sider shows a resource with children as a submenu; so each
// group is a resource with no page, shown only when it holds an entry (access control hides it
// too when the user may open none of them: src/access/access-control.ts).
import {
  AuditOutlined, ClusterOutlined, FileSearchOutlined, ProjectOutlined, SettingOutlined,
} from '@ant-design/icons';
import type { ResourceProps } from '@refinedev/core';
import type { ReactNode } from 'react';
import { i18n } from '../i18n';
import type { MenuGroup, MenuPlace } from '@/workflow/types';

/** The groups in the menu's order, each with its icon (label: `menu.groups.<group>`). */
export const MENU_GROUPS: { group: MenuGroup; icon: ReactNode }[] = [
  { group: 'apply', icon: <FileSearchOutlined /> },
  { group: 'score', icon: <AuditOutlined /> },
  { group: 'tasks', icon: <ProjectOutlined /> },
  // 基层治理: for the grid, 双报到 and deliberation plugins' pages; hidden while it holds none.
  { group: 'governance', icon: <ClusterOutlined /> },
  { group: 'system', icon: <SettingOutlined /> },
];

/** The Refine resource name of a group. */
export const groupResource = (group: MenuGroup) => `menu-${group}`;

/** Where a plugin's list of instances sits when the plugin does not say (its `menu`). */
export const DEFAULT_WORKFLOW_PLACE: MenuPlace = { group: 'apply', order: 100 };
/** Where a generic resource (./resources.tsx) sits when it does not say (its `menu`). */
export const DEFAULT_RESOURCE_PLACE: MenuPlace = { group: 'system', order: 100 };

/** A menu entry: its resource and its place. */
export interface MenuEntry {
  place: MenuPlace;
  resource: ResourceProps;
}

/**
 * The resources in the menu's order: the top's entries, then each group that holds any (its
 * resource, then the entries, which name it as their parent), by `order` within each; ties keep
 * the order they come in. An empty group is left out, so it never shows.
 */
export function menuResources(entries: MenuEntry[]): ResourceProps[] {
  const byOrder = (list: MenuEntry[]) =>
    list.map((e, i) => ({ e, i })).sort((a, b) => a.e.place.order - b.e.place.order || a.i - b.i).map(({ e }) => e.resource);
  const groups = MENU_GROUPS.flatMap(({ group, icon }): ResourceProps[] => {
    const members = entries.filter((e) => e.place.group === group);
    if (!members.length) return [];
    const parent = groupResource(group);
    return [
      { name: parent, meta: { label: i18n.t(`menu.groups.${group}`), icon } },
      ...byOrder(members).map((r) => ({ ...r, meta: { ...r.meta, parent } })),
    ];
  });
  return [...byOrder(entries.filter((e) => !e.place.group)), ...groups];
}
