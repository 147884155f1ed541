// The workflow plugins as the menu and the routes know them: names, labels and messages only,
// read from @workflows/registry when the admin is built (vite.config.ts). Their machines, schemas
// and views load with the pages that use them (@/workflow/plugins).
import catalog from 'virtual:workflow-catalog';
import { STREET_ROLES } from '@/access/roles';
import { i18n } from '@/i18n';

export const WORKFLOW_CATALOG = catalog;

for (const plugin of catalog) {
  for (const [locale, messages] of Object.entries(plugin.messages)) {
    i18n.addResourceBundle(locale, 'translation', { workflows: { [plugin.name]: messages } }, true, true);
    // A declared kind's name, where the core shows kinds (units.kinds.*): the plugin's messages'
    // `unitKinds` in that language, else the declaration's label.
    const named = messages as { unitKinds?: Record<string, string>; roles?: Record<string, string> };
    const kinds = Object.fromEntries(plugin.unitKinds.map((k) => [k.kind, named.unitKinds?.[k.kind] ?? k.label]));
    const roles = Object.fromEntries(plugin.roles.map((r) => [r.role, named.roles?.[r.role] ?? r.label]));
    i18n.addResourceBundle(locale, 'translation', { units: { kinds }, memberships: { roles } }, true, false);
  }
}

/** Roles the street office grants: its own street's and every plugin's (declares.roles). */
export const GRANTABLE_ROLES: string[] = [...STREET_ROLES, ...catalog.flatMap((p) => p.roles.map((r) => r.role))];
/** Where those roles are held: streets and communities, and the plugins' kinds (a grid). */
export const MEMBER_UNIT_KINDS: string[] = [...new Set(['street', 'community', ...catalog.flatMap((p) => p.roles.flatMap((r) => r.heldIn))])];

/** The Refine resource identifier of a plugin's instances (all live in workflow_instances). */
export const workflowResource = (plugin: { name: string }) => `workflow-${plugin.name}`;
