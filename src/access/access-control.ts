// Menus and buttons show only what the user's memberships allow; the database enforces the same
// rules (see the policies), so this is about not offering what would be refused.
import type { AccessControlProvider } from '@refinedev/core';
import { groupResource, MENU_GROUPS } from '@/registry/menu';
import { pageByName } from '@/registry/pages';
import { menuEntries } from '@/registry/refine';
import { resourceByName } from '@/registry/resources';
import { myMemberships, scopeOf, type MemberRole } from './memberships';

const ACTIONS = { list: 'list', show: 'list', create: 'create', edit: 'edit', clone: 'create', delete: 'delete' } as const;

/**
 * Who may do an action on a resource: a page's roles (the core's and the plugins' lists, ./pages:
 * none named, everyone signed in), a generic resource's access per action, every signed-in user
 * for the rest (a plugin's list of instances: the policies show each their own).
 */
function allowed(resource: string, action: string, roles: Set<MemberRole>): boolean {
  const page = pageByName.get(resource);
  if (page) return !page.roles || page.roles.some((role) => roles.has(role));
  const def = resourceByName.get(resource);
  if (def) return def.access[ACTIONS[action as keyof typeof ACTIONS] ?? 'list'].some((role) => roles.has(role));
  return true;
}

/** A group's resource, and what it holds: it shows when the user may open any of those. */
let groups: Map<string, string[]> | undefined;
const groupMembers = (resource: string) => {
  groups ??= new Map(MENU_GROUPS.map(({ group }) => [
    groupResource(group),
    menuEntries().filter((e) => e.place.group === group).map((e) => e.resource.identifier ?? e.resource.name),
  ]));
  return groups.get(resource);
};

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    if (!resource || resource === 'dashboard') return { can: true };
    const page = pageByName.get(resource);
    // Nothing to read for a page every signed-in user opens.
    if (page && !page.roles) return { can: true };
    const { roles } = scopeOf(await myMemberships());
    const members = groupMembers(resource);
    if (members) return { can: members.some((name) => allowed(name, 'list', roles)) };
    return { can: allowed(resource, action, roles) };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
