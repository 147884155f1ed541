// Menus and buttons show only what the user's memberships allow; the database enforces the same
// rules (see the policies), so this is about not offering what would be refused.
import type { AccessControlProvider } from '@refinedev/core';
import { resourceByName } from '@/registry/resources';
import { myMemberships, scopeOf, type MemberRole } from './memberships';

const ACTIONS = { list: 'list', show: 'list', create: 'create', edit: 'edit', clone: 'create', delete: 'delete' } as const;

// Pages that are Refine resources of their own, not in the registry (src/registry/refine.tsx
// adds them), and the roles that may open them. A page not named here nor in the registry (我的
// 待办, 我的已办: everyone's own) is open to every signed-in user.
const PAGE_ACCESS: Record<string, MemberRole[]> = {
  'applications-overview': ['street_office', 'reviewer'],
  // Every street role reads the key-task list; the office alone writes it (the policies).
  'key-tasks': ['street_office', 'reviewer', 'viewer'],
  // Every street role reads the targets and their progress; the office alone writes them (the policies).
  targets: ['street_office', 'reviewer', 'viewer'],
  // Everyone scored against the standard reads it; the office alone edits (the policies).
  standard: ['street_office', 'reviewer', 'viewer', 'community_filer'],
  scoring: ['street_office', 'reviewer', 'viewer', 'community_filer'],
  // A round's results: everyone scored reads them (a filer its community's units); the office publishes.
  results: ['street_office', 'reviewer', 'viewer', 'community_filer'],
};

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    if (!resource || resource === 'dashboard') return { can: true };
    const pageRoles = PAGE_ACCESS[resource];
    if (pageRoles) {
      const { roles } = scopeOf(await myMemberships());
      return { can: pageRoles.some((role) => roles.has(role)) };
    }
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
