// The admin's reading of the user's memberships mirrors the database's scope helpers: a role held
// in a grid (a kind that reaches its subtree only) counts where the row lies under that grid, not
// across its community (roles_in_scope with the row's path).
import { describe, expect, it } from 'vitest';
import { rolesWhere, scopeOf, type ScopedMembership } from '../../src/access/scope-filter.ts';

const street = 1;
const community = 10;
const grid = 100;
const otherGrid = 101;
const gridWorker: ScopedMembership = { role: 'grid_worker' as never, unit_id: grid, street_id: street, community_id: community, reach: 'subtree' };
const communityWorker: ScopedMembership = { role: 'community_worker' as never, unit_id: community, street_id: street, community_id: community, reach: 'scope' };
const office: ScopedMembership = { role: 'street_office', unit_id: street, street_id: street, community_id: null, reach: 'scope' };

describe('rolesWhere', () => {
  it("counts a grid's role under that grid only, a community's role across its community, a street's across the street", () => {
    const both = [gridWorker, communityWorker];
    expect(rolesWhere(both, street, community, [street, community, grid, 1000])).toEqual(['grid_worker', 'community_worker']);
    expect(rolesWhere(both, street, community, [street, community, otherGrid])).toEqual(['community_worker']);
    expect(rolesWhere([gridWorker], street, community, [])).toEqual([]);
    expect(rolesWhere([office], street, community, [street, community, otherGrid])).toEqual(['street_office']);
    expect(rolesWhere([office, communityWorker], 2, 20, [2, 20])).toEqual([]);
  });
});

describe('scopeOf', () => {
  it("keeps a grid's staff's community as the list filter's (a superset RLS narrows)", () => {
    const scope = scopeOf([gridWorker, office]);
    expect(scope.communities).toEqual([community]);
    expect(scope.streets).toEqual([street]);
  });
});
