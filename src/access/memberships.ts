// The signed-in user's memberships, read once per session from the memberships table (what RLS
// enforces is the same table), and what they allow in the admin. Accepting an invitation changes
// them mid-session: refreshMemberships() drops the cache, and screens that read them once
// (the dashboard) follow useMembershipsVersion().
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Tables } from '@/lib/rows';
import { supabaseClient } from '@/providers/supabase-client';
import { WORKFLOW_CATALOG } from '@/registry/workflows';

import type { MemberRole } from './roles';

export { MEMBER_ROLES, type MemberRole } from './roles';

export type MyMembership = Pick<Tables<'memberships'>, 'unit_id' | 'street_id' | 'community_id'> & {
  role: MemberRole;
  /** subtree: held in a unit whose kind reaches only what lies under it (a grid's, as a plugin declares). */
  reach: 'scope' | 'subtree';
  /**
   * A district office's (held in the district): the streets under the district, which it reads as
   * a street-wide viewer of each does (private.district_street_ids); it holds no role in them.
   */
  district_streets?: number[];
};

// The kinds whose memberships reach their subtree only, as the plugins declare them (and the
// database's private.unit_kinds.reach holds them).
const SUBTREE_KINDS = new Set(WORKFLOW_CATALOG.flatMap((p) => p.unitKinds.filter((k) => k.reach === 'subtree').map((k) => k.kind)));

let cache: { userId: string; promise: Promise<MyMembership[]> } | undefined;

export async function myMemberships(): Promise<MyMembership[]> {
  const { data } = await supabaseClient.auth.getSession();
  const userId = data.session?.user.id;
  if (!userId) return [];
  if (cache?.userId !== userId) {
    const promise = (async () => {
      const { data: rows, error } = await supabaseClient
        .from('memberships')
        .select('role, unit_id, street_id, community_id, unit:units!memberships_unit_id_fkey(kind)')
        .eq('user_id', userId);
      if (error) throw error;
      const memberships: MyMembership[] = rows.map(({ unit, ...m }) => ({ ...m, reach: unit && SUBTREE_KINDS.has(unit.kind) ? 'subtree' : 'scope' }));
      const districts = memberships.filter((m) => m.role === 'district_office').map((m) => m.unit_id);
      if (districts.length) {
        const { data: streets, error: streetsError } = await supabaseClient
          .from('units')
          .select('id, district_id')
          .eq('kind', 'street')
          .in('district_id', districts)
          .order('id');
        if (streetsError) throw streetsError;
        for (const m of memberships) {
          if (m.role === 'district_office') {
            m.district_streets = (streets ?? []).filter((s) => s.district_id === m.unit_id).map((s) => s.id);
          }
        }
      }
      return memberships;
    })();
    cache = { userId, promise };
    promise.catch(() => (cache = undefined));
  }
  return cache.promise;
}

supabaseClient.auth.onAuthStateChange((event) => {
  if (event === 'SIGNED_OUT' || event === 'SIGNED_IN') cache = undefined;
});

let version = 0;
const listeners = new Set<() => void>();

/**
 * The memberships changed (an invitation accepted): the next myMemberships() reads them again.
 * Refine's cached answers are the caller's to invalidate (useRefreshMemberships does both).
 */
export function refreshMemberships(): void {
  cache = undefined;
  version += 1;
  for (const listener of listeners) listener();
}

/**
 * Refreshes the memberships and everything Refine cached from them: the access answers (the
 * menu, the buttons) and the lists, which carry the scope filter. The menu follows at once.
 */
export function useRefreshMemberships(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    refreshMemberships();
    await queryClient.invalidateQueries();
  }, [queryClient]);
}

/** A number that changes each time the memberships are refreshed, for keying what read them. */
export function useMembershipsVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export { rolesWhere, scopeOf, type Scope } from './scope-filter';
