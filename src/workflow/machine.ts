// What a plugin's machine is built with, and what the admin asks of it: XState guard and action
// implementations from the plugin's definitions, the machine at a stored state, and the actions
// a user may take there. The database answers the same questions from the compiled rows.
import { createActor, pathToStateValue, type AnyStateMachine } from 'xstate';
import type { MemberRole } from '../access/roles';
import { compileVersion, ENGINE_ACTIONS, ROLE_GUARD, type CompiledVersion, type GuardExpr } from './compile';
import type { ActionDef, GuardDef, GuardInput, WorkflowContext, WorkflowEvent, WorkflowPlugin, WorkflowVersion } from './types';

type GuardArgs = { context: WorkflowContext; event: WorkflowEvent };
type ParamsOf<D> = D extends GuardDef<infer P> ? P : never;
export type WorkflowGuardImpls<G> = {
  [K in keyof G]: (args: GuardArgs, params: ParamsOf<G[K]>) => boolean;
} & { [ROLE_GUARD]: (args: GuardArgs, params: { roles: MemberRole[] }) => boolean };

export function guardInput(context: WorkflowContext, event: WorkflowEvent): GuardInput {
  return { form: context.form ?? {}, payload: event.payload ?? {}, roles: event.actor?.roles ?? [], facts: context.facts ?? {} };
}

/** setup({ guards }) for a plugin: its guards, and hasRole, the guard every transition names. */
export function workflowGuards<G extends Record<string, GuardDef<never>>>(guards: G): WorkflowGuardImpls<G> {
  const impls: Record<string, (args: GuardArgs, params: never) => boolean> = {
    [ROLE_GUARD]: ({ event }, params: { roles: MemberRole[] }) => (event.actor?.roles ?? []).some((r) => params.roles.includes(r)),
  };
  for (const [name, def] of Object.entries(guards)) {
    impls[name] = ({ context, event }, params) => def.check(guardInput(context, event), (params ?? {}) as never);
  }
  return impls as unknown as WorkflowGuardImpls<G>;
}

/** setup({ actions }): names only; actions run in the database, inside the transition. */
export function workflowActions<A extends Record<string, ActionDef>>(actions: A) {
  const impls: Record<string, () => void> = {};
  for (const name of [...Object.keys(ENGINE_ACTIONS), ...Object.keys(actions)]) impls[name] = () => {};
  return impls as Record<keyof A | keyof typeof ENGINE_ACTIONS, () => void>;
}

/** The machine's snapshot at a stored dotted state, with the instance's form and facts as context. */
export function snapshotAt(machine: AnyStateMachine, state: string, form: Record<string, unknown>, facts: Record<string, unknown> = {}) {
  const actor = createActor(machine, { input: { form, facts } });
  return machine.resolveState({ value: pathToStateValue(state.split('.')), context: { form, facts } }) as ReturnType<typeof actor.getSnapshot>;
}

/** The first guard of an expression that refuses, as the database names it; null if it holds. */
export function failedGuard(
  expr: GuardExpr | null,
  input: GuardInput,
  guards: Record<string, GuardDef<never>>,
  options: { payloadPending?: boolean } = {},
): string | null {
  if (!expr) return null;
  if ('and' in expr) {
    for (const sub of expr.and) {
      const failed = failedGuard(sub, input, guards, options);
      if (failed) return failed;
    }
    return null;
  }
  if ('or' in expr) {
    let failed: string | null = null;
    for (const sub of expr.or) {
      failed = failedGuard(sub, input, guards, options);
      if (!failed) return null;
    }
    return failed;
  }
  if ('not' in expr) return failedGuard(expr.not, input, guards, options) ? null : `not ${guardNames(expr.not)}`;
  if (expr.guard === ROLE_GUARD) return input.roles.some((r) => ((expr.params?.roles ?? []) as string[]).includes(r)) ? null : expr.guard;
  // Before the payload is filled in, a guard that reads it cannot refuse yet: it is judged when sent.
  let readPayload = false;
  const payload = options.payloadPending
    ? new Proxy(input.payload, { get: (t, k, r) => ((readPayload = true), Reflect.get(t, k, r)), has: (t, k) => ((readPayload = true), Reflect.has(t, k)) })
    : input.payload;
  const ok = guards[expr.guard]!.check({ ...input, payload }, (expr.params ?? {}) as never);
  return ok || readPayload ? null : expr.guard;
}

function guardNames(expr: GuardExpr): string {
  if ('guard' in expr) return expr.guard;
  if ('not' in expr) return `not ${guardNames(expr.not)}`;
  return ('and' in expr ? expr.and : expr.or).map(guardNames).join('and' in expr ? ' and ' : ' or ');
}

export interface AvailableAction {
  event: string;
  /**
   * The guard that refuses with the current form and facts, if any; a guard on the payload is not
   * judged here but when the payload is filled in. A blocked action is offered greyed, with the
   * reason, on every screen (ActionButton).
   */
  blockedBy: string | null;
}

const compiledCache = new WeakMap<WorkflowVersion, CompiledVersion>();
/** A version compiled once per page load (the browser asks it again and again). */
export function compiledOf(plugin: WorkflowPlugin, version: WorkflowVersion): CompiledVersion {
  let compiled = compiledCache.get(version);
  if (!compiled) compiledCache.set(version, (compiled = compileVersion(plugin, version)));
  return compiled;
}

/** Dotted state and its ancestors, deepest first, as the database walks them. */
export function stateAncestors(state: string): string[] {
  const parts = state.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

/**
 * Events this user may send in this state: a transition for the event leaves the state (or an
 * ancestor) for one of the user's roles. `blockedBy` names the guard that refuses with the current
 * form and facts (a guard on the payload is checked when the payload is filled in).
 */
export function availableActions(
  plugin: WorkflowPlugin,
  version: WorkflowVersion,
  state: string,
  form: Record<string, unknown>,
  roles: MemberRole[],
  facts: Record<string, unknown> = {},
): AvailableAction[] {
  const compiled = compiledOf(plugin, version);
  return Object.keys(version.events)
    .map((event) => ({ event, transitions: candidates(compiled, state, event, roles) }))
    .filter(({ transitions }) => transitions.length > 0)
    .map(({ event, transitions }) => {
      // As the machine takes them: the first transition whose guard holds; else the first's refusal.
      const input = guardInput({ form, facts }, { type: event, payload: {}, actor: { roles } });
      const refusals = transitions.map((t) => failedGuard(t.guard, input, plugin.guards, { payloadPending: true }));
      return { event, blockedBy: refusals.includes(null) ? null : refusals[0]! };
    });
}

/** The transitions leaving the state (or an ancestor) on the event for these roles, in XState's order. */
function candidates(compiled: CompiledVersion, state: string, event: string, roles: MemberRole[]) {
  const ancestors = stateAncestors(state);
  return compiled.transitions
    .filter((t) => t.event === event && ancestors.includes(t.from) && t.roles.some((r) => roles.includes(r)))
    .sort((a, b) => b.depth - a.depth || a.priority - b.priority);
}

/**
 * Null when the machine takes the event as sent; otherwise the guard that refuses it, named as
 * the database names it ('guard' when no transition of the sender's roles leaves the state).
 */
export function refusingGuard(
  plugin: WorkflowPlugin,
  version: WorkflowVersion,
  state: string,
  form: Record<string, unknown>,
  facts: Record<string, unknown>,
  event: WorkflowEvent,
  snapshot = snapshotAt(version.machine, state, form, facts),
): string | null {
  if (snapshot.can(event)) return null;
  const first = candidates(compiledOf(plugin, version), state, event.type, event.actor.roles)[0];
  return (first && failedGuard(first.guard, guardInput({ form, facts }, event), plugin.guards)) ?? 'guard';
}

/** The named guards an expression uses. */
function guardsIn(expr: GuardExpr | null): string[] {
  if (!expr) return [];
  if ('guard' in expr) return [expr.guard];
  if ('not' in expr) return guardsIn(expr.not);
  return ('and' in expr ? expr.and : expr.or).flatMap(guardsIn);
}

/**
 * The date by which the user should act, or null: the earliest `until` among the guards of the
 * transitions the user's available actions may take from this state (the filing window's last day
 * for a filer's submit; nothing for a reviewer's open, which no window limits).
 */
export function actionDeadline(
  plugin: WorkflowPlugin,
  version: WorkflowVersion,
  state: string,
  roles: MemberRole[],
  actions: AvailableAction[],
  facts: Record<string, unknown>,
): string | null {
  const compiled = compiledOf(plugin, version);
  const dates = actions
    .flatMap((a) => candidates(compiled, state, a.event, roles))
    .flatMap((t) => guardsIn(t.guard))
    .map((g) => plugin.guards[g]?.until?.(facts))
    .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d))
    .map((d) => d.slice(0, 10))
    .sort();
  return dates[0] ?? null;
}

/**
 * A text file of a plugin's folder (its facts.sql, say), read when the compiler asks for it, in
 * Node: `moduleUrl` is the asking module's `import.meta.url`. The browser never reads a plugin's
 * SQL (it asks workflow_facts), so the file stays out of its bundle. One final newline is dropped.
 */
export function pluginText(moduleUrl: string, file: string): string {
  const fs = typeof process === 'undefined' ? undefined : process.getBuiltinModule?.('node:fs');
  if (!fs) throw new Error(`${file} is read in Node, by the compiler and the tests; the browser has no need of it`);
  return fs.readFileSync(new URL(file, moduleUrl), 'utf8').replace(/\n$/, '');
}
