// Compiles a plugin's machines into what Postgres enforces: one row per transition (from-state,
// event, to-state, roles, guard expression, actions, priority) and the JSON Schemas of the
// payloads and the form. Refuses, naming the workflow, version and state, whatever that table
// cannot express.
import { and, not, or, type AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { MEMBER_ROLES, type MemberRole } from '../access/roles';
import type { WorkflowPlugin, WorkflowVersion } from './types';

export type GuardExpr =
  | { guard: string; params?: Record<string, unknown> }
  | { and: GuardExpr[] }
  | { or: GuardExpr[] }
  | { not: GuardExpr };

export interface CompiledTransition {
  from: string;
  event: string;
  /** The atomic state entered; null for a targetless transition (the state stays). */
  to: string | null;
  roles: MemberRole[];
  guard: GuardExpr | null;
  actions: string[];
  /** XState's selection order: deeper source states first, then document order. */
  depth: number;
  priority: number;
}

export interface CompiledVersion {
  workflow: string;
  version: number;
  initial: string;
  states: { path: string; final: boolean }[];
  /** Compound states and their initial child, for drawing the machine. */
  compounds: { path: string; initial: string }[];
  transitions: CompiledTransition[];
  events: { event: string; payloadSchema: JsonSchema }[];
  formSchema: JsonSchema;
  formEditable: { states: string[]; roles: MemberRole[] };
  startRoles: MemberRole[];
  subjectKinds: string[];
  hasFacts: boolean;
  hasFormCheck: boolean;
  deadlines: CompiledDeadline[];
  /** States with named handlers or 退回到任意节点 (public.workflow_state_options). */
  stateOptions: CompiledStateOptions[];
  /** Events that copy (public.workflow_cc_rules). */
  cc: { event: string; roles: MemberRole[]; pick: boolean }[];
  /** States whose handlers decide together (public.workflow_countersign_rules). */
  countersign: CompiledCountersign[];
}

export interface CompiledCountersign {
  state: string;
  rule: 'all' | 'any' | 'share';
  share: number | null;
  approve: string[];
  reject: string[];
  rejectBy: 'anyone' | 'rule';
  addSigners: boolean;
}

export interface CompiledStateOptions {
  state: string;
  /** null: no named handlers. */
  assignRoles: MemberRole[] | null;
  assignMultiple: boolean;
  assignRequired: boolean;
  returnToAny: boolean;
}

/** The engine's own events in the log; no plugin event may take one of these names. */
export const ENGINE_EVENT_NAMES = ['urge', 'deadline_soon', 'overdue', 'transfer', 'delegate', 'delegate_done', 'return_to_step', 'resume_at_step', 'countersign', 'add_signer', 'migrate'] as const;

export interface CompiledDeadline {
  state: string;
  dueAfter: string | null;
  dueFact: string[] | null;
  remindBefore: string | null;
  repeatEvery: string | null;
  remind: MemberRole[];
  escalateTo: MemberRole[];
  fire: string | null;
  urgeEvery: string;
}

const SPAN = /^[1-9]\d* (minutes|hours|days)$/;

export type JsonSchema = Record<string, unknown>;

/** The guard every transition names: which roles may send the event. */
export const ROLE_GUARD = 'hasRole';
/** Actions the engine implements itself. */
export const ENGINE_ACTIONS = {
  snapshotForm: 'keeps a copy of the form as it is now, with the event',
  // XState counts a transition with neither target nor action as nothing happening (can() is
  // false), so one that only records an event in the log names this action.
  log: 'records the event in the log and changes nothing else',
} as const;

export class WorkflowCompileError extends Error {
  override name = 'WorkflowCompileError';
}

// and()/or()/not() return functions carrying their operator's check and their operands.
type Combinator = { check: unknown; guards: unknown[] };
const AND = (and([]) as unknown as Combinator).check;
const OR = (or([]) as unknown as Combinator).check;
const NOT = (not('x') as unknown as Combinator).check;

// The JSON Schema keywords the database's checker implements (private.wf_json_error).
const SUPPORTED_KEYWORDS = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf',
  'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minItems', 'maxItems', 'pattern', 'description', 'title', 'default',
]);

type StateNodeLike = AnyStateMachine['root'];
type TransitionLike = {
  target?: readonly StateNodeLike[];
  guard?: unknown;
  actions: readonly unknown[];
  reenter: boolean;
};

export function compileWorkflow(plugin: WorkflowPlugin): CompiledVersion[] {
  if (!/^[a-z][a-z0-9_]*$/.test(plugin.name)) throw new WorkflowCompileError(`workflow name "${plugin.name}": use a-z, 0-9 and _`);
  const seen = new Set<number>();
  return plugin.versions.map((v) => {
    if (seen.has(v.version)) throw new WorkflowCompileError(`${plugin.name}: version ${v.version} is listed twice`);
    seen.add(v.version);
    return compileVersion(plugin, v);
  });
}

export function compileVersion(plugin: WorkflowPlugin, v: WorkflowVersion): CompiledVersion {
  const where = `${plugin.name}@${v.version}`;
  const fail = (path: string, message: string): never => {
    throw new WorkflowCompileError(`${where}${path ? ` state "${path}"` : ''}: ${message}`);
  };
  const root = v.machine.root;
  const states: CompiledVersion['states'] = [];
  const compounds: CompiledVersion['compounds'] = [];
  const transitions: CompiledTransition[] = [];
  const eventsUsed = new Set<string>();

  const dotted = (node: StateNodeLike) => node.path.join('.');
  const leafOf = (node: StateNodeLike): string => {
    let current = node;
    while (current.type === 'compound') current = current.initial.target[0]!;
    return dotted(current);
  };

  const guardExpr = (guard: unknown, path: string): GuardExpr => {
    if (typeof guard === 'string') return namedGuard(guard, undefined, path);
    if (typeof guard === 'function') {
      const combinator = guard as { check?: unknown; guards?: unknown[] };
      if (combinator.check === AND) return { and: combinator.guards!.map((g) => guardExpr(g, path)) };
      if (combinator.check === OR) return { or: combinator.guards!.map((g) => guardExpr(g, path)) };
      if (combinator.check === NOT) return { not: guardExpr(combinator.guards![0], path) };
      return fail(path, 'an inline guard function cannot be compiled: name it in setup({ guards })');
    }
    if (guard && typeof guard === 'object' && 'type' in guard) {
      const { type, params } = guard as { type: string; params?: unknown };
      if (typeof params === 'function') return fail(path, `guard "${type}" has dynamic params: give them as a value`);
      return namedGuard(type, params as Record<string, unknown> | undefined, path);
    }
    return fail(path, `cannot read guard ${JSON.stringify(guard)}`);
  };
  const namedGuard = (name: string, params: Record<string, unknown> | undefined, path: string): GuardExpr => {
    if (name !== ROLE_GUARD && !plugin.guards[name]) return fail(path, `guard "${name}" is not among the plugin's guards (each needs a TypeScript and an SQL implementation)`);
    return params === undefined ? { guard: name } : { guard: name, params };
  };

  // The roles come out of the guard: hasRole alone, or hasRole first inside a top-level and().
  const splitRoles = (expr: GuardExpr | null, path: string, event: string): { roles: MemberRole[]; rest: GuardExpr | null } => {
    const roleOf = (e: GuardExpr | undefined) => (e && 'guard' in e && e.guard === ROLE_GUARD ? e : undefined);
    let roleGuard = roleOf(expr ?? undefined);
    let rest: GuardExpr | null = null;
    if (!roleGuard && expr && 'and' in expr) {
      roleGuard = roleOf(expr.and[0]);
      const others = expr.and.slice(1);
      rest = others.length === 0 ? null : others.length === 1 ? others[0]! : { and: others };
    }
    if (!roleGuard) return fail(path, `event "${event}" needs a ${ROLE_GUARD} guard (alone, or first in and([...])) saying which roles may send it`);
    const roles = (roleGuard.params?.roles ?? []) as MemberRole[];
    // The core's roles and those the plugin declares.
    const known: string[] = [...MEMBER_ROLES, ...Object.keys(plugin.declares?.roles ?? {})];
    if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => !known.includes(r))) {
      return fail(path, `event "${event}": ${ROLE_GUARD} needs params.roles, a non-empty list of ${known.join(', ')}`);
    }
    if (rest && JSON.stringify(rest).includes(`"${ROLE_GUARD}"`)) return fail(path, `event "${event}": ${ROLE_GUARD} may appear once, first`);
    return { roles, rest };
  };

  const actionNames = (actions: readonly unknown[], path: string, what: string): string[] =>
    actions.map((action) => {
      const name = typeof action === 'string' ? action : action && typeof action === 'object' && 'type' in action ? (action as { type: string; params?: unknown }) : undefined;
      if (typeof name === 'string') return checkAction(name, path, what);
      if (name && name.params !== undefined) return fail(path, `${what}: action "${name.type}" has params; SQL actions read the payload instead`);
      if (name) return checkAction(name.type, path, what);
      return fail(path, `${what}: an inline action function cannot run in the database: name it in setup({ actions }) and give its SQL`);
    });
  const checkAction = (name: string, path: string, what: string) => {
    if (!(name in ENGINE_ACTIONS) && !plugin.actions[name]) fail(path, `${what}: action "${name}" is neither an engine action (${Object.keys(ENGINE_ACTIONS).join(', ')}) nor among the plugin's actions`);
    return name;
  };

  const visit = (node: StateNodeLike, depth: number) => {
    const path = dotted(node);
    if (node.type === 'parallel') fail(path, 'parallel states cannot be compiled: one instance is in one state at a time');
    if (node.type === 'history') fail(path, 'history states cannot be compiled');
    if (node.always?.length) fail(path, '`always` (eventless) transitions cannot be compiled: fire a named event');
    if (node.after?.length) fail(path, '`after` (delayed) transitions cannot be compiled: schedule an event instead');
    if (node.invoke.length) fail(path, '`invoke` cannot be compiled: the database runs no actors');
    if (node.entry.length || node.exit.length) fail(path, 'entry and exit actions cannot be compiled: put actions on transitions');
    if (path && (node.type === 'atomic' || node.type === 'final')) states.push({ path, final: node.type === 'final' && depth === 1 });
    if (path && node.type === 'compound') compounds.push({ path, initial: dotted(node.initial.target[0]!) });

    for (const [event, candidates] of node.transitions) {
      if (event.startsWith('xstate.') || event.includes('*')) fail(path, `event "${event}": wildcard and built-in events (onDone, after) cannot be compiled`);
      if (!v.events[event]) fail(path, `event "${event}" has no entry in the version's events (its label and payload schema)`);
      eventsUsed.add(event);
      (candidates as readonly TransitionLike[]).forEach((t, priority) => {
        if ((t.target?.length ?? 0) > 1) fail(path, `event "${event}": multiple targets cannot be compiled`);
        if (t.reenter) fail(path, `event "${event}": reenter cannot be compiled`);
        const target = t.target?.[0];
        if (!target && !t.actions.length) fail(path, `event "${event}": a transition with no target and no action does nothing in XState; give it the action "log" to record it`);
        const guard = t.guard === undefined ? null : guardExpr(t.guard, path);
        const { roles, rest } = splitRoles(guard, path, event);
        transitions.push({
          from: path,
          event,
          to: target ? leafOf(target) : null,
          roles,
          guard: rest,
          actions: actionNames(t.actions, path, `event "${event}"`),
          depth,
          priority,
        });
      });
    }
    for (const child of Object.values(node.states)) visit(child, depth + 1);
  };
  visit(root, 0);
  if (transitions.some((t) => t.from === '')) fail('', 'transitions on the machine root cannot be compiled: put them on a state');

  for (const event of Object.keys(v.events)) {
    if (!eventsUsed.has(event)) fail('', `event "${event}" is listed but no state accepts it`);
  }
  const statePaths = new Set(states.map((s) => s.path));
  for (const s of v.formEditable.states) if (!statePaths.has(s)) fail('', `formEditable names "${s}", which is not an atomic state`);

  const deadlines = Object.entries(v.deadlines ?? {}).map(([state, def]): CompiledDeadline => {
    const d = def!;
    if (!statePaths.has(state) || states.find((s) => s.path === state)?.final) fail(state, 'a deadline needs an atomic state that is not final');
    const span = (value: string | undefined, what: string) => {
      if (value === undefined) return null;
      if (!SPAN.test(value)) fail(state, `deadline ${what} "${value}": write a whole number of minutes, hours or days ('3 days')`);
      return value;
    };
    if (d.fire !== undefined && !transitions.some((t) => t.event === d.fire && (t.from === state || state.startsWith(`${t.from}.`)))) {
      fail(state, `deadline fires "${d.fire}", which the state does not accept`);
    }
    if (d.repeatEvery && /minutes$/.test(d.repeatEvery)) fail(state, 'deadline repeatEvery: at least an hour');
    if (d.fire && d.repeatEvery) fail(state, 'deadline: fire and repeatEvery together — the fired event leaves the state');
    return {
      state,
      dueAfter: 'after' in d.due ? span(d.due.after, 'due.after') : null,
      dueFact: 'lastDayFact' in d.due ? d.due.lastDayFact.split('.') : 'daysFact' in d.due ? d.due.daysFact.split('.') : null,
      remindBefore: span(d.remindBefore, 'remindBefore'),
      repeatEvery: span(d.repeatEvery, 'repeatEvery'),
      remind: d.remind ?? [...new Set(transitions.filter((t) => t.from === state || state.startsWith(`${t.from}.`)).flatMap((t) => t.roles))],
      escalateTo: d.escalateTo ?? [],
      fire: d.fire ?? null,
      urgeEvery: span(d.urgeEvery, 'urgeEvery') ?? '4 hours',
    };
  });

  for (const event of Object.keys(v.events)) {
    if ((ENGINE_EVENT_NAMES as readonly string[]).includes(event)) fail('', `event "${event}" is a name the engine's own log rows take; call it something else`);
  }
  const actingRoles = (state: string) => [...new Set(transitions.filter((t) => t.from === state || state.startsWith(`${t.from}.`)).flatMap((t) => t.roles))];
  const optionStates = [...new Set([...Object.keys(v.assign ?? {}), ...(v.returnToAny ?? [])])];
  const stateOptions = optionStates.map((state): CompiledStateOptions => {
    if (!statePaths.has(state) || states.find((s) => s.path === state)?.final) fail(state, 'handlers and returns need an atomic state that is not final');
    const a = v.assign?.[state as keyof typeof v.assign];
    if (a && !actingRoles(state).length) fail(state, 'named handlers for a state no one acts in');
    return {
      state,
      assignRoles: a ? (a.roles ?? actingRoles(state)) : null,
      assignMultiple: !!a?.multiple,
      assignRequired: !!a?.required,
      returnToAny: (v.returnToAny ?? []).includes(state),
    };
  });
  const cc = Object.entries(v.cc ?? {}).map(([event, def]) => {
    if (!eventsUsed.has(event)) fail('', `cc names "${event}", which no state accepts`);
    if (!def!.roles?.length && !def!.pick) fail('', `cc of "${event}" copies no one: give roles or pick`);
    return { event, roles: def!.roles ?? [], pick: !!def!.pick };
  });
  const countersign = Object.entries(v.countersign ?? {}).map(([state, def]): CompiledCountersign => {
    const d = def!;
    const option = stateOptions.find((o) => o.state === state);
    if (!option?.assignRoles || !option.assignMultiple) fail(state, 'countersigning needs named handlers, several of them: assign it with multiple: true');
    const accepted = (event: string) => transitions.some((t) => t.event === event && t.to !== null && (t.from === state || state.startsWith(`${t.from}.`)));
    const reject = d.reject ?? [];
    if (!d.approve.length) fail(state, 'countersign: name the events that approve');
    for (const event of [...d.approve, ...reject]) {
      if (!accepted(event)) fail(state, `countersign names "${event}", which does not move the state on`);
    }
    if (d.approve.some((e) => reject.includes(e))) fail(state, 'countersign: an event either approves or rejects');
    const share = typeof d.rule === 'object' ? d.rule.share : null;
    if (share !== null && !(share > 0 && share <= 1)) fail(state, 'countersign share: more than 0, at most 1 (2 / 3)');
    return {
      state,
      rule: share === null ? (d.rule as 'all' | 'any') : 'share',
      share,
      approve: d.approve,
      reject,
      rejectBy: d.rejectBy ?? 'anyone',
      addSigners: d.addSigners ?? true,
    };
  });

  return {
    workflow: plugin.name,
    version: v.version,
    initial: leafOf(root),
    states,
    compounds,
    transitions,
    events: Object.entries(v.events).map(([event, def]) => ({ event, payloadSchema: jsonSchema(def.payload, `${where} event "${event}" payload`) })),
    formSchema: jsonSchema(v.form, `${where} form`),
    formEditable: v.formEditable,
    startRoles: plugin.startRoles,
    subjectKinds: plugin.subjectKinds,
    hasFacts: !!plugin.facts,
    hasFormCheck: !!plugin.formCheck,
    deadlines,
    stateOptions,
    cc,
    countersign,
  };
}

/** The zod schema as the JSON Schema subset the database checks; refuses what it cannot check. */
export function jsonSchema(schema: z.ZodType, what: string): JsonSchema {
  let result: JsonSchema;
  try {
    result = z.toJSONSchema(schema, { unrepresentable: 'throw', io: 'input' }) as JsonSchema;
  } catch (error) {
    throw new WorkflowCompileError(`${what}: ${(error as Error).message}`);
  }
  delete result.$schema;
  const walk = (node: unknown, at: string) => {
    if (!node || typeof node !== 'object') return;
    // An unknown key is an error in the browser and in the database alike.
    const record = node as JsonSchema;
    if (record.type === 'object' && record.additionalProperties !== false) {
      throw new WorkflowCompileError(`${what}${at}: use z.strictObject, so the browser refuses unknown keys as the database does`);
    }
    for (const [key, value] of Object.entries(node)) {
      if (!SUPPORTED_KEYWORDS.has(key)) throw new WorkflowCompileError(`${what}${at}: JSON Schema keyword "${key}" is not checked by the database; use a simpler rule`);
      if (key === 'properties') for (const [name, sub] of Object.entries(value as object)) walk(sub, `${at}.${name}`);
      else if (key === 'items' || key === 'additionalProperties') walk(value, `${at}[]`);
      else if (key === 'anyOf') (value as unknown[]).forEach((sub) => walk(sub, at));
    }
  };
  walk(result, '');
  return result;
}
