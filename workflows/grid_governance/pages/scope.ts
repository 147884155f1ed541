// The part of a street the caller's grid screens open on: the whole street for those who read it
// all (its office, reviewers, departments, district), else their one community, else their one
// grid. Passed to the database as explicit filters (RLS decides what is read either way; the filter
// is what keeps the policies cheap, and the same call as service_role reads the same rows).
import { myMemberships } from '@/plugin-api';

export interface GridScope { communityId?: number; unitId?: number }

export async function gridScopeOf(streetId: number): Promise<GridScope> {
  const memberships = await myMemberships();
  const inStreet = memberships.filter((m) => m.street_id === streetId);
  if (memberships.some((m) => m.district_streets?.includes(streetId)) || inStreet.some((m) => m.community_id === null)) return {};
  const communities = [...new Set(inStreet.filter((m) => m.reach === 'scope' && m.community_id !== null).map((m) => m.community_id!))];
  if (communities.length === 1) return { communityId: communities[0] };
  if (communities.length > 1) return {};
  const grids = inStreet.filter((m) => m.reach === 'subtree');
  const units = [...new Set(grids.map((m) => m.unit_id))];
  return units.length === 1 ? { communityId: grids[0]!.community_id ?? undefined, unitId: units[0] } : {};
}
