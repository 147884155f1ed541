// The machine as Mermaid stateDiagram-v2 text, drawn from the compiled transitions (what the
// database enforces), with the current state marked and, under a state's name, what the version
// declares of it (label.marks: its deadline, named handlers, 会签 rule). Mermaid cannot style a
// state inside a composite one, so a nested current state marks its top-level ancestor.
import type { CompiledVersion } from './compile';

const id = (path: string) => path.replaceAll('.', '__');
const quote = (text: string) => text.replaceAll('"', "'").replaceAll(':', '：');

export function machineDiagram(
  compiled: CompiledVersion,
  label: { state: (path: string) => string; event: (event: string) => string; marks?: (path: string) => string[] },
  current?: string,
): string {
  const lines = ['stateDiagram-v2', '  classDef current fill:#1677ff,color:#fff,stroke:#0958d9,font-weight:bold'];
  // Every state node on a path to an atomic state, parents before children.
  const nodes = new Set<string>();
  for (const { path } of compiled.states) {
    const parts = path.split('.');
    for (let i = 1; i <= parts.length; i++) nodes.add(parts.slice(0, i).join('.'));
  }
  const childrenOf = (parent: string | null) =>
    [...nodes].filter((n) => (parent === null ? !n.includes('.') : n.startsWith(`${parent}.`) && !n.slice(parent.length + 1).includes('.')));
  const initialOf = (parent: string | null) =>
    parent === null ? compiled.initial.split('.')[0] : compiled.compounds.find((c) => c.path === parent)?.initial;

  const declare = (parent: string | null, indent: string) => {
    const initial = initialOf(parent);
    if (initial) lines.push(`${indent}[*] --> ${id(initial)}`);
    for (const node of childrenOf(parent)) {
      const marks = label.marks?.(node) ?? [];
      // (a second line, smaller: Mermaid keeps <br/> and <small> in a label, even when strict)
      const text = quote(label.state(node)) + (marks.length ? `<br/><small>${quote(marks.join(' · '))}</small>` : '');
      lines.push(`${indent}state "${text}" as ${id(node)}`);
      if (childrenOf(node).length) {
        lines.push(`${indent}state ${id(node)} {`);
        declare(node, `${indent}  `);
        lines.push(`${indent}}`);
      }
    }
  };
  declare(null, '  ');

  for (const t of compiled.transitions) {
    lines.push(`  ${id(t.from)} --> ${id(t.to ?? t.from)} : ${quote(label.event(t.event))}`);
  }
  for (const s of compiled.states.filter((s) => s.final)) lines.push(`  ${id(s.path)} --> [*]`);
  if (current) lines.push(`  class ${id(current.split('.')[0]!)} current`);
  return lines.join('\n');
}
