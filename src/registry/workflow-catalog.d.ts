// Written by vite.config.ts (workflowCatalog) from the plugins in @workflows/registry.
declare module 'virtual:workflow-catalog' {
  const catalog: { name: string; label: string; messages: Record<'zh-CN' | 'en', Record<string, unknown>> }[];
  export default catalog;
}
