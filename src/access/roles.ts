// The roles a membership gives, as the memberships table's enum has them. No browser imports:
// the workflow compiler and the tests read this too.
export type MemberRole = 'street_office' | 'reviewer' | 'community_filer' | 'viewer';
export const MEMBER_ROLES: MemberRole[] = ['street_office', 'reviewer', 'community_filer', 'viewer'];
