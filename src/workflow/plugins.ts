// The workflow plugins the admin knows, with their messages merged into i18n under
// `workflows.<name>`. Nothing in src/ names a particular workflow.
import { WORKFLOWS } from '@workflows/registry';
import { i18n } from '@/i18n';
import type { WorkflowPlugin, WorkflowVersion } from './types';

export const PLUGINS: WorkflowPlugin[] = WORKFLOWS;
export const pluginByName = new Map(PLUGINS.map((p) => [p.name, p]));

for (const plugin of PLUGINS) {
  for (const [locale, messages] of Object.entries(plugin.messages)) {
    i18n.addResourceBundle(locale, 'translation', { workflows: { [plugin.name]: messages } }, true, true);
  }
}

export function versionOf(plugin: WorkflowPlugin, version: number): WorkflowVersion | undefined {
  return plugin.versions.find((v) => v.version === version);
}

/** The Refine resource identifier of a plugin's instances (all live in workflow_instances). */
export const workflowResource = (plugin: WorkflowPlugin) => `workflow-${plugin.name}`;
