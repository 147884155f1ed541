// A workflow state as a tag, coloured by what the state means (its tone, declared in the
// machine's meta or inferred), the same way on every list: the workflow's list, its panel,
// 我的待办, 我的已办 and the plugins' overviews.
import { Tag, type TagProps } from 'antd';
import type { AnyStateMachine } from 'xstate';
import { stateLabel } from '@/workflow/errors';
import type { StateMeta, StateTone, WorkflowPlugin, WorkflowVersion } from '@/workflow/types';

/** antd's status colours, one per tone. */
export const TONE_COLOR: Record<StateTone, NonNullable<TagProps['color']>> = {
  draft: 'default',
  pending: 'processing',
  active: 'processing',
  returned: 'warning',
  done: 'success',
  closed: 'default',
  refused: 'error',
};

/** Tones that leave the main path: the panel's steps show such a state beside it, not on it. */
export const OFF_PATH_TONES: readonly StateTone[] = ['returned', 'refused', 'closed'];

interface NodeLike {
  type: string;
  meta?: unknown;
  states: Record<string, NodeLike>;
  initial?: { target: readonly { path: string[] }[] };
}

/** The state's node and its ancestors, deepest first ([] when the machine has no such state). */
function nodesOf(machine: AnyStateMachine, state: string): NodeLike[] {
  const nodes: NodeLike[] = [];
  let node = machine.root as unknown as NodeLike;
  for (const part of state.split('.')) {
    const next = node.states[part];
    if (!next) return [];
    nodes.unshift((node = next));
  }
  return nodes;
}

function initialLeaf(machine: AnyStateMachine): string {
  let node = machine.root as unknown as NodeLike;
  let path: string[] = [];
  while (node.type === 'compound' && node.initial?.target[0]) {
    path = node.initial.target[0].path;
    node = nodesOf(machine, path.join('.'))[0] ?? { type: 'atomic', states: {} };
  }
  return path.join('.');
}

/** A version by number (the last when unknown: a stale row still gets a colour). */
function versionFor(plugin: WorkflowPlugin, version?: WorkflowVersion | number | null): WorkflowVersion | undefined {
  if (version && typeof version === 'object') return version;
  return plugin.versions.find((v) => v.version === version) ?? plugin.versions.at(-1);
}

/**
 * The state's tone: its meta's (or its nearest ancestor's), else 'draft' for the initial state,
 * 'done' for a final one and 'active' for the rest.
 */
export function stateTone(plugin: WorkflowPlugin, version: WorkflowVersion | number | null | undefined, state: string): StateTone {
  const machine = versionFor(plugin, version)?.machine;
  if (!machine) return 'active';
  const nodes = nodesOf(machine, state);
  for (const node of nodes) {
    const tone = (node.meta as StateMeta | undefined)?.tone;
    if (tone) return tone;
  }
  if (state === initialLeaf(machine)) return 'draft';
  if (nodes[0]?.type === 'final') return 'done';
  return 'active';
}

export function StatusTag({ plugin, version, state, ...props }: {
  plugin: WorkflowPlugin;
  version?: WorkflowVersion | number | null;
  state: string;
} & Omit<TagProps, 'color' | 'children'>) {
  const tone = stateTone(plugin, version, state);
  return (
    <Tag color={TONE_COLOR[tone]} data-tone={tone} {...props}>
      {stateLabel(plugin, state)}
    </Tag>
  );
}
