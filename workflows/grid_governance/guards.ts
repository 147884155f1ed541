// The grid event's one guard, twice (workflows/README.md): a report has what the community
// needs to triage it.
import type { GuardDef } from '../../src/workflow/types.ts';
import { completeSchema } from './form.ts';

export const guards = {
  reportComplete: {
    label: 'workflows.grid_governance.guards.reportComplete',
    check: ({ form }) => completeSchema.safeParse(form).success,
    sql: `select coalesce(
            jsonb_typeof(input->'form'->'category') = 'string' and length(input->'form'->>'category') between 1 and 20
            and jsonb_typeof(input->'form'->'description') = 'string' and length(input->'form'->>'description') between 5 and 2000
            and jsonb_typeof(input->'form'->'location') = 'string' and length(input->'form'->>'location') between 2 and 200
            and input->'form'->>'urgency' in ('normal', 'urgent', 'critical')
            and (not input->'form' ? 'household_id'
              or jsonb_typeof(input->'form'->'household_id') = 'number' and (input->'form'->>'household_id') ~ '^[1-9][0-9]{0,17}$'), false)`,
    samples: [
      { input: { form: { category: '安全隐患', description: '三号楼楼道堆放杂物', location: '三号楼二单元', urgency: 'urgent' } } },
      { input: { form: { category: '安全隐患', description: '三号楼楼道堆放杂物', location: '三号楼二单元', urgency: 'urgent', household_id: 3 } } },
      { input: { form: { category: '安全隐患', description: '短', location: '三号楼二单元', urgency: 'urgent' } } },
      { input: { form: { category: '安全隐患', description: '三号楼楼道堆放杂物', location: '三号楼二单元' } } },
      { input: { form: { category: '安全隐患', description: '三号楼楼道堆放杂物', location: '三号楼二单元', urgency: 'soon' } } },
      { input: { form: {} } },
    ],
  } satisfies GuardDef,
};
