// The explicit scope filter every list query carries. Row-level security already limits the rows;
// the filter is for the planner: with the user's street or community ids as constants it walks
// the (street_id, id) or (community_id, id) index in order, so a 50-row page costs what it costs
// the service role with the same filter (see test/bench/rls.ts), where the policy alone, an OR
// over arrays read at run time, cannot use an ordered index.
import type { CrudFilter } from '@refinedev/core';
import type { Scope } from './memberships';

export interface ScopeColumns {
  street: string;
  community: string;
}

/** The filter for a user's scope, or undefined when the user has none (RLS returns nothing). */
export function scopeFilter(scope: Scope, columns: ScopeColumns): CrudFilter | undefined {
  const byStreet: CrudFilter | undefined = scope.streets.length
    ? { field: columns.street, operator: scope.streets.length === 1 ? 'eq' : 'in', value: scope.streets.length === 1 ? scope.streets[0] : scope.streets }
    : undefined;
  const byCommunity: CrudFilter | undefined = scope.communities.length
    ? {
        field: columns.community,
        operator: scope.communities.length === 1 ? 'eq' : 'in',
        value: scope.communities.length === 1 ? scope.communities[0] : scope.communities,
      }
    : undefined;
  if (byStreet && byCommunity) return { operator: 'or', value: [byStreet, byCommunity] };
  return byStreet ?? byCommunity;
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
