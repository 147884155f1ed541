// Written by vite.config.ts (workflowCatalog) from the plugins in @workflows/registry: what the
// first screen needs of each, its machine left out. `pages` is the plugin's own pages.tsx, imported.
declare module 'virtual:workflow-catalog' {
  import type { MenuPlace, PageDef } from '@/workflow/types';

  const catalog: {
    name: string;
    label: string;
    messages: Record<'zh-CN' | 'en', Record<string, unknown>>;
    /** Where the list of its instances sits in the menu. */
    menu?: MenuPlace;
    pages: PageDef[];
    /**
     * The unit kinds it declares (declares.unitKinds): the kind, its label (zh-CN), its parents'
     * kinds, and what a membership held in one reaches (its scope, or its subtree only).
     */
    unitKinds: { kind: string; label: string; parents: string[]; reach: 'scope' | 'subtree' }[];
    /** The roles it declares (declares.roles): the role, its label (zh-CN), the kinds it is held in. */
    roles: { role: string; label: string; heldIn: string[] }[];
  }[];
  export default catalog;
}
