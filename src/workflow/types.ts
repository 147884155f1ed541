// The workflow plugin contract. A plugin is a folder under workflows/ exporting one
// WorkflowPlugin; workflows/registry.ts lists them. The engine compiles each version's machine
// into the rows Postgres enforces (src/workflow/compile.ts) and the admin renders from the rest.
import type { ComponentType } from 'react';
import type { AnyStateMachine, EventFromLogic, ParameterizedObject, StateMachine, StateSchemaFrom } from 'xstate';
import type { z } from 'zod';
import type { MemberRole } from '../access/roles';

/** What every guard sees, in TypeScript and in SQL (as jsonb with the same keys). */
export interface GuardInput {
  /** The instance's form (the workflow's own data), as saved. */
  form: Record<string, unknown>;
  /** The event's payload. */
  payload: Record<string, unknown>;
  /** The sender's roles in the instance's scope. */
  roles: MemberRole[];
  /** What the plugin's facts function says about the instance's world (the campaign's phase, say). */
  facts: Record<string, unknown>;
}

/** A guard implemented twice: `check` for the machine in the browser, `sql` for the database. */
export interface GuardDef<P extends Record<string, unknown> | undefined = undefined> {
  /** i18n key: what the guard requires, shown when it refuses. */
  label: string;
  check: (input: GuardInput, params: P) => boolean;
  /**
   * Values for the label's placeholders from the instance's form, when the screen has it (which
   * fields a complete form still lacks, say); with no form, every placeholder it names is ''.
   */
  explain?: (form: Record<string, unknown> | null, t: (key: string, options?: Record<string, unknown>) => string) => Record<string, string>;
  /**
   * Body of `(input jsonb, params jsonb) returns boolean`, one SQL expression or query. Reads
   * `input->'form'`, `input->'payload'`, `input->'roles'`, `input->'facts'` and `params` as
   * check() reads them.
   */
  sql: string;
  /**
   * The last day the guard can hold, when it is a window in time (the filing window, say): read
   * from the facts; the work lists show it as the deadline of the actions it guards.
   */
  until?: (facts: Record<string, unknown>) => string | null | undefined;
  /** Inputs the agreement test evaluates both ways; they must include a true and a false case. */
  samples: { input: Partial<GuardInput>; params?: Record<string, unknown> }[];
}

/** A side effect run inside the transition's transaction, in SQL only. */
export interface ActionDef {
  /** Body of `(instance_id bigint, event_id bigint, payload jsonb) returns void`, plpgsql. */
  sql: string;
}

/** Machine context: what XState's guards read besides the event. */
export interface WorkflowContext {
  form: Record<string, unknown>;
  facts: Record<string, unknown>;
}

/**
 * Every event the admin sends: its type, its payload and the sender's roles. A machine names its
 * events in `setup({ types: { events: WorkflowEvent<'submit' | 'return'> } })`; the plugin's
 * events record, messages and examples are then checked against them (see StatePath below).
 */
export interface WorkflowEvent<E extends string = string> {
  type: E;
  payload?: Record<string, unknown>;
  actor: { roles: MemberRole[] };
}

export interface EventDef {
  /** i18n key of the button and the timeline entry. */
  label: string;
  /** zod schema of the payload; the database checks the JSON Schema compiled from it. */
  payload: z.ZodObject;
  /** Ant Design button style: primary for the way forward, danger for returns and cancels. */
  tone?: 'primary' | 'default' | 'danger';
}

/**
 * What a state means to the people who see it, one colour per meaning on every list
 * (src/components/status-tag.tsx): a draft (grey), waiting for someone (blue), being worked on
 * (blue), returned for changes (orange), done (green), closed (grey), refused (red).
 */
export type StateTone = 'draft' | 'pending' | 'active' | 'returned' | 'done' | 'closed' | 'refused';

/**
 * A state's `meta` in the machine (XState's own field; the compiler ignores it): its tone, which
 * defaults to 'draft' for the initial state, 'done' for a final one and 'active' otherwise. A
 * returned or refused state says so; a state its tone calls returned, refused or closed is off the
 * main path the panel's steps show. Write `meta: { tone: 'returned' } satisfies StateMeta`.
 */
export interface StateMeta {
  tone?: StateTone;
}

export interface WorkflowVersion<M extends AnyStateMachine = AnyStateMachine> {
  version: number;
  machine: M;
  /** Every event the machine accepts, with its payload schema. */
  events: Record<EventName<M>, EventDef>;
  /** The instance's form, as a draft may be saved (partial, but every field it has is valid). */
  form: z.ZodObject;
  /** In which states, and by whom, the form may be saved. */
  formEditable: { states: AtomicState<M>[]; roles: MemberRole[] };
  /**
   * Files of the plugin's `sql/` folder this version brings (tables, indexes, policies,
   * triggers, functions), in order: its migration runs them before the compiled transitions.
   * A file belongs to the version that first names it; later versions bring new files.
   */
  sql?: string[];
  /**
   * States with a deadline (workflows/README.md, "Deadlines"): the database plans its timers when
   * an instance enters the state, reminds, marks it overdue, escalates or fires an event.
   */
  deadlines?: Partial<Record<AtomicState<M>, DeadlineDef<EventName<M>>>>;
  /**
   * States handled by named people (workflows/README.md, "Handlers, copies and returns"): the
   * sender of the event that enters one picks its handlers; only they act in it, and hand it
   * over (转交) or delegate it (委派).
   */
  assign?: Partial<Record<AtomicState<M>, AssignDef>>;
  /** States that offer 退回到任意节点: back to any step the instance has passed. */
  returnToAny?: AtomicState<M>[];
  /** Events that copy people (抄送): roles always, and whom the sender names when `pick`. */
  cc?: Partial<Record<EventName<M>, CcDef>>;
  /**
   * States whose named handlers decide together (会签 / 或签 / 投票; workflows/README.md,
   * "Countersigning"): each approving or returning event is a vote until the rule is met.
   */
  countersign?: Partial<Record<AtomicState<M>, CountersignDef<EventName<M>>>>;
}

/** Who may be picked to handle a state. */
export interface AssignDef {
  /** The roles a handler holds where the instance lives (default: the roles that may act in it). */
  roles?: MemberRole[];
  /** Several handlers at once (any of them acts). */
  multiple?: boolean;
  /** The sender must pick; without a pick, the step's last handler has it again, else its roles. */
  required?: boolean;
}

/** How a state's named handlers decide together. */
export interface CountersignDef<E extends string = string> {
  /** all: every signer approves (会签); any: one does (或签); share: at least that part of them (投票, e.g. 2 / 3). */
  rule: 'all' | 'any' | { share: number };
  /** The events that approve (each signer's vote; the deciding one moves the instance). */
  approve: E[];
  /** The events that return or reject. */
  reject?: E[];
  /** anyone (default): one return returns it; rule: returns are counted, deciding once the rule can no longer be met. */
  rejectBy?: 'anyone' | 'rule';
  /** Signers may add one (加签); default true. */
  addSigners?: boolean;
}

/** Whom an event copies. */
export interface CcDef {
  /** Roles copied every time, where the instance lives. */
  roles?: MemberRole[];
  /** The sender may name people too. */
  pick?: boolean;
}

/** A span of time as Postgres reads an interval: '3 days', '48 hours', '30 minutes'. */
export type Span = `${number} ${'minutes' | 'hours' | 'days'}`;

/** A state's deadline, and what happens before and after it. */
export interface DeadlineDef<E extends string = string> {
  /**
   * So long after the state is entered; or the last day (YYYY-MM-DD) at a dotted path of the
   * facts; or so many days after the day it was entered (China time), the whole number at a
   * dotted path of the facts (a step's days by the case's urgency, say; 0: the same day).
   */
  due: { after: Span } | { lastDayFact: string } | { daysFact: string };
  /** Who is reminded (and urged): by default the roles that may act in the state. */
  remind?: MemberRole[];
  /** Remind them so long before it. */
  remindBefore?: Span;
  /** Once overdue, remind them again every (at least an hour). */
  repeatEvery?: Span;
  /** Once overdue, tell these roles where the instance lives too. */
  escalateTo?: MemberRole[];
  /** Once overdue, the system fires this event (auto-return, auto-close); its guards still decide. */
  fire?: E;
  /** 催办 at most once per (default 4 hours). */
  urgeEvery?: Span;
}

/**
 * What a plugin tells the core beyond its machine (workflows/README.md, "Declarations"): rows of
 * private.unit_kinds, private.member_roles and private.plugin_tables, written by its migration.
 */
export interface PluginDeclarations {
  /**
   * Unit kinds under a community (a grid, a micro-grid): label, and the kinds of its parent.
   * `reach: 'subtree'`: a membership held in a unit of the kind reaches what lies under that unit
   * only (its workflows, its units), not the whole community or street as other memberships do;
   * from version `reachSince` (default 1) of the plugin, for a kind that gained it later.
   */
  unitKinds?: Record<string, { label: string; parents: string[]; reach?: 'subtree'; reachSince?: number }>;
  /**
   * Roles: label, and the unit kinds they are held in. A plugin's role writes the plugin's
   * declared tables it is a write role of, never the core's scores and evidence.
   */
  roles?: Record<string, { label: string; heldIn: string[] }>;
  /**
   * Tables (made by the plugin's sql/ files, with unit_id, street_id and community_id): how
   * their rows are read (`street`: every member of the street; `community`: the street-wide
   * roles and the community's own), which roles write them in their scope, and which columns.
   * The core makes their scope trigger, policies and grants; the RLS matrices test them.
   */
  tables?: Record<string, {
    scope: 'street' | 'community';
    writeRoles: string[];
    writeColumns: string[];
    /** A valid row's own columns (beyond unit_id), for the matrices to write and read. */
    example: Record<string, unknown>;
    /** Version whose sql/ files make the table. */
    since: number;
  }>;
}

/** What a plugin's own form view is given by the workflow panel. */
export interface FormViewProps {
  plugin: WorkflowPlugin;
  instance: {
    id: number;
    state: string;
    form: Record<string, unknown>;
    form_revision: number;
    form_saved_at: string | null;
    subject_unit_id: number;
    street_id: number;
    community_id: number | null;
    subject: { name: string; kind: string } | null;
  };
  /** The user may save the form now (its state and their role). */
  editable: boolean;
  /** The user may act at the current step (a role of theirs there, the step not named to others). */
  mayAct: boolean;
  facts: Record<string, unknown>;
  /** Reload the instance (after a save, or when another tab saved first). */
  onSaved: () => void;
}

type ExampleForms = Record<string, unknown>[] | ((world: Record<string, unknown>) => Record<string, unknown>[]);

export function exampleForms(forms: ExampleForms | undefined, world: Record<string, unknown>): Record<string, unknown>[] {
  return typeof forms === 'function' ? forms(world) : (forms ?? []);
}

/** Runs SQL as the database's owner; the rows it returns. */
export type ExampleQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface ExampleWorld<S extends string = string> {
  name: string;
  /**
   * Sets the world up around the street and community; what it returns is the `world` the example
   * forms are made from. Two keys the tests read too: `subject`, the unit instances are about
   * (else the community, or the street, as `subjectKinds` allow), and `units`, a unit per kind the
   * plugin declares, where the tests hold the plugin's roles held in that kind (else in the
   * community or the street).
   */
  setup: (query: ExampleQuery, at: { street: number; community: number }) => Promise<Record<string, unknown>>;
  /**
   * States an instance may stand in when this world begins, reached in an earlier one (a later
   * phase starts where the last left off); the machine's initial state when omitted.
   */
  starts?: S[];
}

/**
 * A plugin, checked against its machines (M: the union of its versions' machine types): its
 * guards, actions, state labels, examples and messages name only the states, events and guards
 * the machines have. `WorkflowPlugin` alone (M = AnyStateMachine) is the erased form the engine
 * and the admin handle every plugin by; build one with definePlugin() to have it checked.
 */
export interface WorkflowPlugin<M extends AnyStateMachine = AnyStateMachine> {
  /** Lowercase identifier: a-z, 0-9 and underscores. */
  name: string;
  /** The plugin's folder from the project root (its sql/ files, seed.sql and tests). */
  folder?: string;
  /** Unit kinds, roles and tables the core must know (see PluginDeclarations). */
  declares?: PluginDeclarations;
  /** i18n key of the workflow's name. */
  label: string;
  /** Which kinds of unit an instance may be about, and who may start one. */
  subjectKinds: string[];
  startRoles: MemberRole[];
  /** Every version still running somewhere, oldest first; new instances start on the last. */
  versions: VersionOf<M>[];
  /** Every guard the machines' setup() names (hasRole aside). */
  guards: Record<GuardName<M>, GuardDef<never>>;
  /** Every action the machines' setup() names (the engine's snapshotForm and log aside). */
  actions: Record<ActionName<M>, ActionDef>;
  /**
   * Facts guards need beyond form, payload and roles: body of `(instance_id bigint) returns
   * jsonb`, plpgsql (write `$1` where a table has an instance_id column too). The database computes them for fire_event; the browser asks for the same
   * JSON (workflow_facts) and puts it in the machine's context.
   */
  facts?: { sql: string };
  /**
   * Rules across the form's fields that JSON Schema cannot say: body of `(form jsonb,
   * subject_unit_id bigint) returns jsonb` ({ path, rule } or null), plpgsql, run on every save.
   * The zod form schema says the same with refinements; the tests compare them on the examples.
   */
  formCheck?: { sql: string };
  /**
   * Hand-written views where a person needs more than the generated ones (lazy components, so
   * Node never loads them): the form in the panel, and a printable page.
   */
  views?: { form?: ComponentType<FormViewProps>; print?: ComponentType<{ instanceId: number }> };
  /** i18n keys of state labels (`workflows.<name>.states.<state>`), by dotted state path: every state. */
  stateLabels: Record<StatePath<M>, StateLabelKey<M>>;
  examples: PluginExamples<M>;
  /** i18n resources the plugin brings: { 'zh-CN': {...}, en: {...} } merged under `workflows.<name>`. */
  messages: PluginMessages<M>;
  /** Its own screens (PageDef): the `pages` of its folder's pages.tsx, which the first screen loads. */
  pages?: PageDef[];
  /** Where the list of its instances sits in the menu (default: 申报与审核, after the pages there). */
  menu?: MenuPlace;
}

/**
 * Examples the tests replay: forms an instance may start with, and payloads per event (valid and
 * invalid ones; zod and the database must agree on which is which). Events without examples are
 * sent with {}.
 */
export interface PluginExamples<M extends AnyStateMachine = AnyStateMachine> {
  /** Valid forms (a draft's rules); a function of the world when they name its rows. */
  forms: ExampleForms;
  /** Forms the browser and the database must both refuse. */
  invalidForms?: ExampleForms;
  payloads: Partial<Record<EventName<M>, Record<string, unknown>[]>>;
  /**
   * The worlds the tests replay the machine in (a campaign in each of its phases, say), each on
   * a street and community of its own. The first is the world of the other example tests.
   */
  worlds?: ExampleWorld<AtomicState<M>>[];
}

/**
 * A plugin's messages in one language, under `workflows.<name>`: a label for every state (by its
 * own name, the last part of its path), event and guard; confirmations per event; field labels;
 * anything else its views use.
 */
export interface WorkflowMessages<M extends AnyStateMachine = AnyStateMachine> {
  name: string;
  states: Record<StateName<M>, string>;
  events: Record<EventName<M>, string>;
  guards: Record<GuardName<M>, string>;
  /** Asked before an event is sent ({{subject}}: the instance's unit). */
  confirm?: Partial<Record<EventName<M>, string>>;
  /** Form and payload fields. */
  fields?: Record<string, string>;
  [key: string]: unknown;
}

/** zh-CN and en. */
export type PluginMessages<M extends AnyStateMachine = AnyStateMachine> = Record<'zh-CN' | 'en', WorkflowMessages<M>>;

// ---------------------------------------------------------------------------------------------
// The names a machine's types give (XState v5: setup({ types }) and the config's state schema).
// For AnyStateMachine each is `string`, so the erased contract reads as it did untyped.
// ---------------------------------------------------------------------------------------------
type IsAny<T> = 0 extends 1 & T ? true : false;
type SchemaPaths<S, P extends string> = S extends { states: infer C }
  ? { [K in keyof C & string]: `${P}${K}` | SchemaPaths<C[K], `${P}${K}.`> }[keyof C & string]
  : never;
type SchemaLeaves<S, P extends string> = S extends { states: infer C }
  ? { [K in keyof C & string]: C[K] extends { states: infer D } ? ([keyof D] extends [never] ? `${P}${K}` : SchemaLeaves<C[K], `${P}${K}.`>) : `${P}${K}` }[keyof C & string]
  : never;
type SchemaNames<S> = S extends { states: infer C } ? { [K in keyof C & string]: K | SchemaNames<C[K]> }[keyof C & string] : never;
type FromSchema<M extends AnyStateMachine, T> = IsAny<StateSchemaFrom<M>> extends true ? string : T;

/** Every state of the machine as a dotted path, compound ones too ('review', 'review.waiting'). */
export type StatePath<M extends AnyStateMachine> = FromSchema<M, SchemaPaths<StateSchemaFrom<M>, ''>>;
/** The states an instance can stand in: atomic and final ones ('review.waiting'). */
export type AtomicState<M extends AnyStateMachine> = FromSchema<M, SchemaLeaves<StateSchemaFrom<M>, ''>>;
/** States by their own name (the last part of the path): the keys of the messages' `states`. */
export type StateName<M extends AnyStateMachine> = FromSchema<M, SchemaNames<StateSchemaFrom<M>>>;
/** The events the machine's setup() declares. */
export type EventName<M extends AnyStateMachine> = IsAny<EventFromLogic<M>> extends true ? string : EventFromLogic<M>['type'];
type SetupNames<M extends AnyStateMachine, Which extends 'guards' | 'actions'> = M extends StateMachine<
  any, any, any, any, infer A extends ParameterizedObject, infer G extends ParameterizedObject, any, any, any, any, any, any, any, any, any
>
  ? IsAny<Which extends 'guards' ? G : A> extends true ? string : (Which extends 'guards' ? G : A)['type']
  : never;
/** The plugin's guards the machine's setup() names; hasRole (the engine's ROLE_GUARD) is not one. */
export type GuardName<M extends AnyStateMachine> = Exclude<SetupNames<M, 'guards'>, 'hasRole'>;
/** The plugin's actions the machine's setup() names, beyond the engine's (ENGINE_ACTIONS). */
export type ActionName<M extends AnyStateMachine> = Exclude<SetupNames<M, 'actions'>, 'snapshotForm' | 'log'>;
/** A state label's i18n key names a state of the machine. */
export type StateLabelKey<M extends AnyStateMachine> = string extends StateName<M> ? string : `workflows.${string}.states.${StateName<M>}`;
/** One version per machine of the union (each version's events and states are its own machine's). */
export type VersionOf<M extends AnyStateMachine> = M extends AnyStateMachine ? WorkflowVersion<M> : never;

/** The states, atomic states and events of a plugin, for code that names them (a list's column, a view). */
export type PluginMachine<P> = P extends WorkflowPlugin<infer M> ? M : never;
export type PluginState<P> = StatePath<PluginMachine<P>>;
export type PluginAtomicState<P> = AtomicState<PluginMachine<P>>;
export type PluginEvent<P> = EventName<PluginMachine<P>>;

/**
 * A version, checked against its machine: its events record names exactly the machine's events,
 * and the form is editable only in states the machine has. Returns the version as given.
 */
export function defineVersion<M extends AnyStateMachine>(version: WorkflowVersion<M>): WorkflowVersion<M> {
  return version;
}

/**
 * A plugin, checked against the machines of its versions (see WorkflowPlugin). Returns it as
 * given; it is a WorkflowPlugin wherever the engine takes one.
 */
export function definePlugin<const V extends readonly WorkflowVersion<any>[]>(
  plugin: WorkflowPlugin<V[number]['machine']> & { versions: V },
): WorkflowPlugin<V[number]['machine']> {
  return plugin;
}

/**
 * The admin's menu groups (申报与审核, 评分与验收, 任务与目标, 基层治理, 系统), in the menu's
 * order by src/registry/menu.tsx; labels `menu.groups.<group>`. A group shows only when it
 * holds a page the user may open.
 */
export type MenuGroup = 'apply' | 'score' | 'tasks' | 'governance' | 'system';

/** Where a screen sits in the menu: in a group (none: the top, above the groups), by `order`. */
export interface MenuPlace {
  group?: MenuGroup;
  /** Ascending within the group (or the top). */
  order: number;
}

/**
 * One screen: its Refine resource, route, menu entry and who may open it, from one entry. A
 * plugin lists its own in `pages` (the file `pages.tsx` of its folder, which the admin's first
 * screen loads, so it holds no more than this); the core's are in src/registry/core-pages.tsx.
 */
export interface PageDef extends MenuPlace {
  /** The Refine resource's name: <CanAccess resource> and access control know the page by it. */
  name: string;
  /** The address from the root ('/key-tasks'); '/' is the 工作台. */
  route: string;
  /** i18n key of the menu entry and the browser tab's title. */
  label: string;
  icon: import('react').ReactNode;
  /**
   * The roles that see and open it, as the database's policies let them read what it shows
   * (access is the database's; this only keeps out what would be refused). Omitted: everyone.
   */
  roles?: MemberRole[];
  /** The page, loaded when it is first opened (a chunk of its own). */
  component: () => Promise<{ default: ComponentType }>;
  /** A card of the page's on the 工作台 (the charts, after the work cards), for the same roles, loaded beside the 工作台. */
  dashboardCard?: () => Promise<{ default: ComponentType }>;
  /** Cards of what waits for the user, at the top of the 工作台, before every chart card. */
  workCards?: WorkCardDef[];
}

/**
 * A 工作台 card of what waits for the user (待审核 N 件, my application, overdue key tasks): the
 * work cards of every page stand first, by `order`, then the pages' chart cards (dashboardCard).
 */
export interface WorkCardDef {
  /** Unique across every page's work cards. */
  name: string;
  /** Ascending across every page's work cards. */
  order: number;
  /** Who sees it (what it reads is the database's to decide). Omitted: the page's roles. */
  roles?: MemberRole[];
  component: () => Promise<{ default: ComponentType<WorkCardProps> }>;
}

export interface WorkCardProps {
  /**
   * Called once the card knows whether it shows anything (false: it renders nothing): the
   * 工作台 says 暂无待办事项 when none of its cards does.
   */
  onReady: (shown: boolean) => void;
}
