// The panel's progress bar: the machine's main path as steps, with the instance's step marked.
// The main path runs from the initial state, each state's first transition to a state not yet on
// it (in document order, a state's own before its ancestors'), skipping states whose tone leaves
// the path (returned, refused, closed), until a final state or a state with nowhere new to go.
// A state off the path shows on the step it leads back to (a return: on the step it resubmits
// to, as an error), else in the slot after the last step the instance passed through.
import { Steps, type StepsProps } from 'antd';
import { OFF_PATH_TONES, stateTone } from '@/components/status-tag';
import type { CompiledVersion } from '@/workflow/compile';
import { stateLabel } from '@/workflow/errors';
import { stateAncestors } from '@/workflow/machine';
import type { StateTone, WorkflowPlugin, WorkflowVersion } from '@/workflow/types';

/** The targets a state's transitions lead to, in the order the machine tries them. */
function targetsOf(compiled: CompiledVersion, state: string): string[] {
  return stateAncestors(state).flatMap((from) => compiled.transitions.filter((t) => t.from === from && t.to !== null).map((t) => t.to!));
}

export function mainPath(compiled: CompiledVersion, tone: (state: string) => StateTone): string[] {
  const path = [compiled.initial];
  const finals = new Set(compiled.states.filter((s) => s.final).map((s) => s.path));
  for (let current = compiled.initial; !finals.has(current); ) {
    const next = targetsOf(compiled, current).find((to) => !path.includes(to) && !OFF_PATH_TONES.includes(tone(to)));
    if (!next) break;
    path.push(next);
    current = next;
  }
  return path;
}

export interface StepsPlace {
  path: string[];
  /** The step the instance is on. */
  current: number;
  status: NonNullable<StepsProps['status']>;
  /** An off-path state shown on a step: its label there, beside (or instead of) the step's. */
  off?: { state: string; replaces: boolean };
}

/**
 * Where the instance stands on the main path. `visited`: the states it has left, oldest first
 * (the log's from_state), for an off-path state with no way back.
 */
export function stepsPlace(compiled: CompiledVersion, tone: (state: string) => StateTone, state: string, done: boolean, visited: string[]): StepsPlace {
  const path = mainPath(compiled, tone);
  const own = tone(state);
  const statusOf = (): StepsPlace['status'] =>
    own === 'returned' || own === 'refused' ? 'error' : done || own === 'done' ? 'finish' : own === 'closed' ? 'error' : 'process';
  const at = path.indexOf(state);
  if (at >= 0) return { path, current: at, status: done ? 'finish' : 'process' };
  // Off the path: on the step it leads back to, when it leads back.
  const back = targetsOf(compiled, state).find((to) => path.includes(to));
  if (back) return { path, current: path.indexOf(back), status: statusOf(), off: { state, replaces: false } };
  // Else in the slot after the last step it passed through (a cancelled draft, another final).
  const last = [...visited].reverse().find((s) => path.includes(s));
  const slot = Math.min(last === undefined ? 0 : path.indexOf(last) + 1, path.length - 1);
  return { path, current: slot, status: statusOf(), off: { state, replaces: true } };
}

export function WorkflowSteps({ plugin, version, compiled, state, done, visited }: {
  plugin: WorkflowPlugin;
  version: WorkflowVersion;
  compiled: CompiledVersion;
  state: string;
  done: boolean;
  visited: string[];
}) {
  const tone = (s: string) => stateTone(plugin, version, s);
  const place = stepsPlace(compiled, tone, state, done, visited);
  // A long path (the application's ten steps) scrolls inside the card rather than widen the page.
  return (
    <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
      <Steps
        data-testid="workflow-steps"
        size="small"
        labelPlacement="vertical"
        current={place.current}
        status={place.status}
        items={place.path.map((s, i) => {
          const shown = i === place.current && place.off;
          return {
            title: shown && place.off!.replaces ? stateLabel(plugin, place.off!.state) : stateLabel(plugin, s),
            description: shown && !place.off!.replaces ? stateLabel(plugin, place.off!.state) : undefined,
          };
        })}
        style={{ minWidth: place.path.length * 96 }}
      />
    </div>
  );
}
