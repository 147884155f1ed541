// Menus and buttons show only what the user's memberships allow; the database enforces the same
// rules (see the policies), so this is about not offering what would be refused.
import type { AccessControlProvider } from '@refinedev/core';
import { resourceByName } from '@/registry/resources';
import { myMemberships, scopeOf } from './memberships';

const ACTIONS = { list: 'list', show: 'list', create: 'create', edit: 'edit', clone: 'create', delete: 'delete' } as const;

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    if (!resource || resource === 'dashboard') return { can: true };
    const [name, page] = resource.split('/') as [string, string | undefined];
    const def = resourceByName.get(name);
    if (!def) return { can: true };
    const { roles } = scopeOf(await myMemberships());
    const allowed = page
      ? def.pages?.find((p) => p.path === page)?.access ?? []
      : def.access[ACTIONS[action as keyof typeof ACTIONS] ?? 'list'];
    return { can: allowed.some((role) => roles.has(role)) };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
