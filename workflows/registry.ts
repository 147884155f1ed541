// Every workflow the product runs. Adding one is adding its folder and a line here; then
// `npm run workflows:compile` writes its migration (see workflows/README.md).
import type { WorkflowPlugin } from '../src/workflow/types.ts';
import { applicationPlugin } from './application/index.ts';
import { campaignPlugin } from './campaign/index.ts';

export const WORKFLOWS: WorkflowPlugin[] = [campaignPlugin, applicationPlugin];
