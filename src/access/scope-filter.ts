// The explicit scope filter every list query carries. Row-level security already limits the rows;
// the filter is for the planner: with the user's street or community ids as constants it walks
// the (street_id, id) or (community_id, id) index in order, so a 50-row page costs what it costs
// the service role with the same filter (see test/bench/lists.ts), where the policy alone, an OR
// over arrays read at run time, cannot use an ordered index.
import type { CrudFilter, LogicalFilter } from '@refinedev/core';
import type { MemberRole } from './roles';

export interface Scope {
  /** Streets where the user holds a street-wide role, and those under a district it is the office of (read only). */
  streets: number[];
  /**
   * Communities where the user holds a community role, or a role in a unit under one (a grid's
   * staff, whose rows all lie in its community: the filter stays a superset, and RLS narrows it).
   */
  communities: number[];
  /** Streets the user manages as 街道党建办. */
  officeStreets: number[];
  roles: Set<MemberRole>;
}

/** A membership as the scope helpers read it (src/access/memberships.ts reads them). */
export interface ScopedMembership {
  role: MemberRole;
  unit_id: number;
  street_id: number;
  community_id: number | null;
  /** subtree: held in a unit whose kind reaches only what lies under it (private.unit_kinds.reach). */
  reach?: 'scope' | 'subtree';
  district_streets?: number[];
}

/** What a user's memberships let them read and manage. */
export function scopeOf(memberships: ScopedMembership[]): Scope {
  const unique = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return {
    // A district is its own street_id, as in the database; its streets come with its membership.
    streets: unique(memberships.filter((m) => m.community_id === null).flatMap((m) => [m.street_id, ...(m.district_streets ?? [])])),
    communities: unique(memberships.filter((m) => m.community_id !== null).map((m) => m.community_id!)),
    officeStreets: unique(memberships.filter((m) => m.role === 'street_office').map((m) => m.street_id)),
    roles: new Set(memberships.map((m) => m.role)),
  };
}

/**
 * The user's roles where a row lives, as the database's roles_in_scope(street, community, path)
 * computes them: a street-wide role of its street, a community role of its community, and a
 * role held in a unit that reaches its subtree only when that unit is on the row's path (its
 * unit and those above it).
 */
export function rolesWhere(memberships: ScopedMembership[], streetId: number, communityId: number | null, unitPath: readonly number[]): MemberRole[] {
  const roles = memberships
    .filter((m) => (m.reach === 'subtree'
      ? unitPath.includes(m.unit_id)
      : (m.community_id === null && m.street_id === streetId) || (m.community_id !== null && m.community_id === communityId)))
    .map((m) => m.role);
  return [...new Set(roles)];
}

export interface ScopeColumns {
  street: string;
  community: string;
  /**
   * Rows about the street itself (community null) are read by the street's communities too (the
   * workflow tables: the street's campaign). The policy keeps them to the user's own streets, so
   * the filter only has to let them through.
   */
  streetRowsForCommunities?: boolean;
}

/**
 * The workflow engine's tables carry the same scope columns as the units they are about; a
 * street's own workflows (its campaign) are read by its communities too.
 */
export const WORKFLOW_SCOPE: ScopeColumns = { street: 'street_id', community: 'community_id', streetRowsForCommunities: true };

/** The filter for a user's scope, or undefined when the user has none (RLS returns nothing). */
export function scopeFilter(scope: Scope, columns: ScopeColumns): CrudFilter | undefined {
  const byStreet: LogicalFilter | undefined = scope.streets.length
    ? { field: columns.street, operator: scope.streets.length === 1 ? 'eq' : 'in', value: scope.streets.length === 1 ? scope.streets[0] : scope.streets }
    : undefined;
  const byCommunity: LogicalFilter | undefined = scope.communities.length
    ? {
        field: columns.community,
        operator: scope.communities.length === 1 ? 'eq' : 'in',
        value: scope.communities.length === 1 ? scope.communities[0] : scope.communities,
      }
    : undefined;
  const streetRows: LogicalFilter | undefined =
    byCommunity && columns.streetRowsForCommunities ? { field: columns.community, operator: 'null', value: null } : undefined;
  const parts = [byStreet, byCommunity, streetRows].filter((f): f is LogicalFilter => !!f);
  return parts.length > 1 ? { operator: 'or', value: parts } : parts[0];
}

/**
 * The same filter as one PostgREST `or` (street-wide roles by
 * street_id, community roles by community_id), for queries written with supabase-js directly;
 * null when the user has no scope (RLS would return nothing).
 */
export function scopeOr(scope: Scope): string | null {
  const parts = [
    scope.streets.length ? `street_id.in.(${scope.streets.join(',')})` : null,
    scope.communities.length ? `community_id.in.(${scope.communities.join(',')})` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(',') : null;
}
