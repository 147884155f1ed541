// Every workflow the product runs, one line each: adding a workflow is adding its folder and its
// line here; then `npm run workflows:compile` writes its migration (see workflows/README.md).
import type { WorkflowPlugin } from '../src/workflow/types.ts';

export const WORKFLOWS: WorkflowPlugin[] = [
  (await import('./campaign/index.ts')).campaignPlugin,
  (await import('./application/index.ts')).applicationPlugin,
  (await import('./grid_governance/index.ts')).gridGovernancePlugin,
];
