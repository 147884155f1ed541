// The engine's refusals (WF001–WF014, see the engine migration and its start rules) as sentences a user reads, with
// the plugin's own names for events, states, guards and fields.
import { formatDateTime } from '@/lib/dates';
import { i18n } from '@/i18n';
import { ENGINE_EVENT_NAMES, type CompiledVersion } from './compile';
import type { WorkflowPlugin } from './types';

interface EngineError {
  code?: string;
  message?: string;
  details?: string | null;
}

/** The engine's own events that move the instance: 退回到任意节点, back to the step that returned it, and a migration to a later version. */
const ENGINE_MOVES = ['return_to_step', 'resume_at_step', 'migrate'] as const;
/**
 * The engine's own events in the log that leave the state as it was: 催办, the deadlines'
 * reminders (done by the system), 转交, 委派 and its answer, a 会签 vote and 加签.
 */
export const ENGINE_EVENTS: readonly string[] = ENGINE_EVENT_NAMES.filter((e) => !(ENGINE_MOVES as readonly string[]).includes(e));
const isEngineEvent = (event: string) => (ENGINE_EVENT_NAMES as readonly string[]).includes(event);

export const eventLabel = (plugin: WorkflowPlugin, event: string) =>
  i18n.t(`workflows.${plugin.name}.events.${event}`, {
    defaultValue: isEngineEvent(event) ? i18n.t(`workflow.engineEvents.${event}`) : event,
  });
/** A share as people say it: 2/3, 1/2, else a percentage. */
export function shareText(share: number) {
  for (let d = 2; d <= 10; d++) {
    const n = Math.round(share * d);
    if (Math.abs(n / d - share) < 1e-9) return `${n}/${d}`;
  }
  return `${Math.round(share * 100)}%`;
}

/** '3 days' → 3 天, as the work lists say a wait. */
const spanText = (span: string) => {
  const [count, unit] = span.split(' ');
  return i18n.t(`worklist.waited.${unit}`, { count: Number(count) });
};

/** What the version declares of a state, in short words for the diagram: its deadline, named handlers, 会签 rule, 退回到任意节点. */
export function stateMarks(compiled: CompiledVersion, state: string): string[] {
  const marks: string[] = [];
  const deadline = compiled.deadlines.find((d) => d.state === state);
  if (deadline) {
    marks.push(deadline.dueAfter ? i18n.t('workflow.panel.diagramMarks.deadline', { span: spanText(deadline.dueAfter) }) : i18n.t('workflow.panel.diagramMarks.deadlineByFact'));
  }
  const options = compiled.stateOptions.find((o) => o.state === state);
  const countersign = compiled.countersign.find((c) => c.state === state);
  if (countersign) {
    marks.push(i18n.t(`workflow.panel.diagramMarks.countersign.${countersign.rule}`, { share: countersign.share ? shareText(countersign.share) : '' }));
  } else if (options?.assignRoles) {
    marks.push(i18n.t('workflow.panel.diagramMarks.assigned'));
  }
  if (options?.returnToAny) marks.push(i18n.t('workflow.panel.diagramMarks.returnToAny'));
  return marks;
}

export const stateLabel = (plugin: WorkflowPlugin, state: string) => i18n.t(plugin.stateLabels[state] ?? `workflows.${plugin.name}.states.${state}`, { defaultValue: state });
// (the engine's own fields — handlers, copies, a return's step — when the plugin has no such field)
export const fieldLabel = (plugin: WorkflowPlugin, field: string) =>
  i18n.t(`workflows.${plugin.name}.fields.${field}`, { defaultValue: i18n.t(`workflow.engineFields.${field}`, { defaultValue: field }) });
/** An enum field's option as words (workflows.<name>.options.<field>.<value>), else the value itself. */
export const optionLabel = (plugin: WorkflowPlugin, field: string, value: string) =>
  i18n.t(`workflows.${plugin.name}.options.${field}.${value}`, { defaultValue: value });
/** A guard's sentence; its label may quote the facts it judged ({{campaign.filing_closes_on}}, say). */
export const guardLabel = (plugin: WorkflowPlugin, guard: string, facts: Record<string, unknown> = {}, form: Record<string, unknown> | null = null) => {
  const negated = guard.startsWith('not ');
  const name = negated ? guard.slice(4) : guard;
  const def = plugin.guards[name];
  return def ? i18n.t(def.label, { ...facts, ...def.explain?.(negated ? null : form, (key, options) => i18n.t(key, options)) }) : guard;
};

/** The message for an engine error; the field it concerns, when it names one. */
export function workflowError(plugin: WorkflowPlugin, error: EngineError): { message: string; field?: string } {
  const code = error.code ?? '';
  if (!/^WF0\d\d$/.test(code)) return { message: i18n.t(i18n.exists(`errors.${code}`) ? `errors.${code}` : 'errors.unknown', { message: error.message ?? '' }) };
  let detail: Record<string, unknown> = {};
  try {
    detail = JSON.parse(error.details ?? '{}') as Record<string, unknown>;
  } catch {
    // not ours; the code alone says enough
  }
  const field = typeof detail.path === 'string' ? detail.path.split(/[.[]/)[0] : undefined;
  const limit = Array.isArray(detail.limit) ? detail.limit.join('、') : detail.limit;
  // A refusal with a reason of its own says it (WF014: you have signed already, say).
  const reasonKey = typeof detail.reason === 'string' ? `workflow.errorReasons.${code}.${detail.reason}` : '';
  const message = i18n.t(reasonKey && i18n.exists(reasonKey) ? reasonKey : `workflow.errors.${code}`, {
    event: typeof detail.event === 'string' ? eventLabel(plugin, detail.event) : '',
    state: typeof detail.state === 'string' ? stateLabel(plugin, detail.state) : '',
    guard: typeof detail.guard === 'string' ? guardLabel(plugin, detail.guard, (detail.facts ?? {}) as Record<string, unknown>) : '',
    field: field ? fieldLabel(plugin, field) : '',
    rule: i18n.t(`workflow.rules.${String(detail.rule)}`, { limit, defaultValue: String(detail.rule ?? '') }),
    reason: typeof detail.reason === 'string' ? detail.reason : '',
    last: typeof detail.last === 'string' ? formatDateTime(detail.last) : '',
    next: typeof detail.next === 'string' ? formatDateTime(detail.next) : '',
  });
  return { message, field };
}

/**
 * What an action's confirmation says will happen: the plugin's sentence for the event
 * (workflows.<name>.confirm.<event>, quoting {{subject}}), else the engine's, naming the action.
 */
export function confirmText(plugin: WorkflowPlugin, event: string, subject: string): string {
  const key = `workflows.${plugin.name}.confirm.${event}`;
  const action = eventLabel(plugin, event);
  return i18n.exists(key) ? i18n.t(key, { subject, action }) : i18n.t('workflow.confirmAction', { subject, action });
}

/** What a logged event is called: its action's, and for a 会签 vote, 会签 · the action voted for. */
export function loggedLabel(plugin: WorkflowPlugin, row: { event: string; payload?: Record<string, unknown> | null }): string {
  const voted = row.event === 'countersign' ? row.payload?.event : undefined;
  return typeof voted === 'string' ? `${i18n.t('workflow.engineEvents.countersign')} · ${eventLabel(plugin, voted)}` : eventLabel(plugin, row.event);
}

/**
 * The words a logged event carries: its comment, and any other text the payload holds (a
 * street's opinion, say), each with the field it was entered in.
 */
export function eventNotes(plugin: WorkflowPlugin, row: { event?: string; comment: string | null; payload?: Record<string, unknown> | null }): { field: string; text: string }[] {
  // A 会签 vote carries the words of the action voted for.
  if (row.event === 'countersign' && row.payload && typeof row.payload.event === 'string') {
    return eventNotes(plugin, { event: row.payload.event, comment: row.comment, payload: row.payload.payload as Record<string, unknown> | null });
  }
  const notes = row.comment ? [{ field: 'comment', text: row.comment }] : [];
  // The engine's own rows carry what it needs (a timer, a deadline, a person), not words a person wrote.
  if (row.event && isEngineEvent(row.event)) return notes;
  for (const [field, value] of Object.entries(row.payload ?? {})) {
    // (an option's value in its words: 满意, not satisfied)
    if (field !== 'comment' && typeof value === 'string' && value.trim()) notes.push({ field, text: optionLabel(plugin, field, value) });
  }
  return notes;
}
