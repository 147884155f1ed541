// The admin's reading of the user's memberships mirrors the database's scope helpers: a role held
// in a grid (a kind that reaches its subtree only) counts where the row lies under that grid, not
// across its community (roles_in_scope with the row's path).
import { describe, expect, it } from 'vitest';
import { rolesWhere, scopeFilter, scopeOf, scopeOr, WORKFLOW_SCOPE, type ScopedMembership } from '../../src/access/scope-filter.ts';

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

describe('scopeFilter and scopeOr', () => {
  const units = { street: 'street_id', community: 'community_id' };
  it('filter nothing in for a user with no scope (RLS returns nothing: the query need not be sent)', () => {
    expect(scopeFilter(scopeOf([]), units)).toBeUndefined();
    expect(scopeOr(scopeOf([]))).toBeNull();
  });
  it("take a street office's street, as eq for one and in for several (a district's streets too)", () => {
    expect(scopeFilter(scopeOf([office]), units)).toEqual({ field: 'street_id', operator: 'eq', value: street });
    const district: ScopedMembership = { role: 'district_office' as never, unit_id: 7, street_id: 7, community_id: null, district_streets: [1, 2] };
    expect(scopeFilter(scopeOf([district]), units)).toEqual({ field: 'street_id', operator: 'in', value: [1, 2, 7] });
    expect(scopeOr(scopeOf([district]))).toBe('street_id.in.(1,2,7)');
  });
  it("take a community's rows, and on the workflow tables its street's own rows (community null) beside them", () => {
    expect(scopeFilter(scopeOf([communityWorker]), units)).toEqual({ field: 'community_id', operator: 'eq', value: community });
    expect(scopeFilter(scopeOf([communityWorker]), WORKFLOW_SCOPE)).toEqual({
      operator: 'or',
      value: [{ field: 'community_id', operator: 'eq', value: community }, { field: 'community_id', operator: 'null', value: null }],
    });
  });
  it('join a street role and community roles with or, the same rows in both forms', () => {
    const other: ScopedMembership = { ...communityWorker, unit_id: 11, community_id: 11 };
    const scope = scopeOf([office, communityWorker, other]);
    expect(scopeFilter(scope, units)).toEqual({
      operator: 'or',
      value: [{ field: 'street_id', operator: 'eq', value: street }, { field: 'community_id', operator: 'in', value: [community, 11] }],
    });
    expect(scopeOr(scope)).toBe(`street_id.in.(${street}),community_id.in.(${community},11)`);
  });
});
