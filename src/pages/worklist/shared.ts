// What the work lists share: the user's scope as a PostgREST filter, the roles where an instance
// lives, paging past PostgREST's 1,000-row cap, how long something has waited, and its deadline.
import type { PostgrestError } from '@supabase/supabase-js';
import { i18n } from '@/i18n';
import type { MemberRole, MyMembership, Scope } from '@/access/memberships';
import { compileVersion, type CompiledVersion, type GuardExpr } from '@/workflow/compile';
import { stateAncestors, type AvailableAction } from '@/workflow/machine';
import type { WorkflowPlugin, WorkflowVersion } from '@/workflow/types';

/**
 * The scope filter of access/scope-filter.ts as one PostgREST `or` (street-wide roles by
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

/** The user's roles where an instance lives, as the database's roles_in_scope() computes them (show.tsx does the same). */
export function rolesWhere(memberships: MyMembership[], streetId: number, communityId: number | null): MemberRole[] {
  const roles = memberships
    .filter((m) => (m.community_id === null && m.street_id === streetId) || (m.community_id !== null && m.community_id === communityId))
    .map((m) => m.role);
  return [...new Set(roles)];
}

const PAGE = 1000; // PostgREST's max_rows (supabase/config.toml)

/** Every row of a query, a page of 1,000 at a time; `page(from, to)` must order by a unique key. */
export async function fetchAll<T>(page: (from: number, to: number) => PromiseLike<{ data: unknown; error: PostgrestError | null }>): Promise<T[]> {
  const rows: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await page(from, from + PAGE - 1);
    if (error) throw error;
    const batch = (data ?? []) as T[];
    rows.push(...batch);
    if (batch.length < PAGE) return rows;
  }
}

/** `fn` over `items`, at most `limit` at a time (one request per item, say). */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** "3 天", "5 小时", "12 分钟": how long something has waited, in its largest whole unit. */
export function formatWaited(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return i18n.t('worklist.waited.justNow');
  if (minutes < 60) return i18n.t('worklist.waited.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return i18n.t('worklist.waited.hours', { count: hours });
  return i18n.t('worklist.waited.days', { count: Math.floor(hours / 24) });
}

const compiledCache = new WeakMap<WorkflowVersion, CompiledVersion>();
export function compiledOf(plugin: WorkflowPlugin, version: WorkflowVersion): CompiledVersion {
  let compiled = compiledCache.get(version);
  if (!compiled) compiledCache.set(version, (compiled = compileVersion(plugin, version)));
  return compiled;
}

function guardNames(expr: GuardExpr | null): string[] {
  if (!expr) return [];
  if ('guard' in expr) return [expr.guard];
  if ('not' in expr) return guardNames(expr.not);
  return ('and' in expr ? expr.and : expr.or).flatMap(guardNames);
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

/**
 * The date by which the user should act, or null. The rule, generic over plugins:
 * 1. `facts.deadline`, when a plugin's facts expose one (an ISO date): it applies to the instance.
 * 2. Otherwise the campaign's filing window, `facts.campaign.filing_closes_on`, but only when one
 *    of the user's available actions is guarded by a guard that reads that date (its SQL names
 *    filing_closes_on): the application's submit and resubmit, not the reviewer's open or approve,
 *    which the window does not limit.
 */
export function deadlineOf(
  plugin: WorkflowPlugin,
  version: WorkflowVersion,
  state: string,
  roles: MemberRole[],
  actions: AvailableAction[],
  facts: Record<string, unknown>,
): string | null {
  if (isDate(facts.deadline)) return facts.deadline.slice(0, 10);
  const closes = (facts.campaign as { filing_closes_on?: unknown } | null | undefined)?.filing_closes_on;
  if (!isDate(closes)) return null;
  const ancestors = stateAncestors(state);
  const events = new Set(actions.map((a) => a.event));
  const limited = compiledOf(plugin, version).transitions.some(
    (t) =>
      events.has(t.event) &&
      ancestors.includes(t.from) &&
      t.roles.some((r) => roles.includes(r)) &&
      guardNames(t.guard).some((g) => plugin.guards[g]?.sql.includes('filing_closes_on')),
  );
  return limited ? closes.slice(0, 10) : null;
}
