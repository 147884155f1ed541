// The workflow plugins the admin knows, machines and all: loaded with the pages that use them
// (their names and messages are registered at startup by @/registry/workflows). Nothing in src/
// names a particular workflow.
import { WORKFLOWS } from '@workflows/registry';
import type { WorkflowPlugin, WorkflowVersion } from './types';

export const PLUGINS: WorkflowPlugin[] = WORKFLOWS;
export const pluginByName = new Map(PLUGINS.map((p) => [p.name, p]));

export function versionOf(plugin: WorkflowPlugin, version: number): WorkflowVersion | undefined {
  return plugin.versions.find((v) => v.version === version);
}
