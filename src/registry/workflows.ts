// The workflow plugins as the menu and the routes know them: names, labels and messages only,
// read from @workflows/registry when the admin is built (vite.config.ts). Their machines, schemas
// and views load with the pages that use them (@/workflow/plugins).
import catalog from 'virtual:workflow-catalog';
import { i18n } from '@/i18n';

export const WORKFLOW_CATALOG = catalog;

for (const plugin of catalog) {
  for (const [locale, messages] of Object.entries(plugin.messages)) {
    i18n.addResourceBundle(locale, 'translation', { workflows: { [plugin.name]: messages } }, true, true);
    // A declared kind's name, where the core shows kinds (units.kinds.*): the plugin's messages'
    // `unitKinds` in that language, else the declaration's label.
    const named = (messages as { unitKinds?: Record<string, string> }).unitKinds ?? {};
    const kinds = Object.fromEntries(plugin.unitKinds.map((k) => [k.kind, named[k.kind] ?? k.label]));
    i18n.addResourceBundle(locale, 'translation', { units: { kinds } }, true, false);
  }
}

/** The Refine resource identifier of a plugin's instances (all live in workflow_instances). */
export const workflowResource = (plugin: { name: string }) => `workflow-${plugin.name}`;
