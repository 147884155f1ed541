// The roles a membership gives, as the memberships table's enum has them. No browser imports:
// the workflow compiler and the tests read this too.
export type CoreRole = 'street_office' | 'reviewer' | 'community_filer' | 'viewer' | 'district_office';
export const MEMBER_ROLES: CoreRole[] = ['street_office', 'reviewer', 'community_filer', 'viewer', 'district_office'];
/** The roles a street office grants in its street (a district office is the district's). */
export const STREET_ROLES: CoreRole[] = ['street_office', 'reviewer', 'community_filer', 'viewer'];

/**
 * Roles a plugin declares (`declares.roles`), added by declaration merging in the plugin's folder,
 * so its machine, pages and tests name them with the type checked:
 * `declare module '<path to>/src/access/roles.ts' { interface PluginRoles { grid_worker: true } }`.
 */
export interface PluginRoles {}
export type MemberRole = CoreRole | (keyof PluginRoles & string);
