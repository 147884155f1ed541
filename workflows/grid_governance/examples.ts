// What the tests replay through the grid event (workflows/README.md): a world with a grid, a
// micro-grid under it with a household, a street department, and the street's lists; forms valid
// and not (a category off the street's list, or a household of another grid, only the database
// can tell: grid_governance.test.ts), and payloads per event.
import type { ExampleQuery, PluginExamples } from '../../src/workflow/types.ts';
import type { GridMachine } from './machine.ts';

async function gridWorld(query: ExampleQuery, at: { street: number; community: number }) {
  const add = async (kind: string, name: string, parent: number) =>
    Number((await query(`insert into public.units (kind, name, parent_id) values ($1, $2 || '-' || $3::bigint, $3) returning id`, [kind, name, parent]))[0]!.id);
  const grid = await add('grid', '测试一级网格', at.community);
  const microGrid = await add('micro_grid', '测试微网格', grid);
  const department = await add('street_department', '测试社管中心', at.street);
  await query(
    `insert into public.grid_lists (unit_id, list, label, position)
     values ($1, 'event_category', '安全隐患', 1), ($1, 'event_category', '矛盾纠纷', 2), ($1, 'household_tag', '独居老人', 1)`,
    [at.street],
  );
  const [household] = await query(
    `insert into public.grid_households (unit_id, compound, building, unit_no, room, size, contact_name, contact_phone)
     values ($1, '测试小区', '3', '2', '201', 3, '王阿姨', '13800001111') returning id`,
    [microGrid],
  );
  return { subject: microGrid, units: { grid, micro_grid: microGrid, street_department: department }, household: Number(household!.id) };
}

const report = (world: Record<string, unknown>) => ({
  category: '安全隐患', description: '三号楼二单元楼道堆放杂物，堵塞消防通道', location: '测试小区3号楼2单元',
  household_id: world.household as number, urgency: 'urgent',
});

export const examples = {
  forms: (world) => [report(world), { category: '矛盾纠纷', description: '邻里因噪音发生争执', location: '测试小区5号楼', urgency: 'normal' }, { description: '楼道灯不亮，待核实' }],
  invalidForms: (world) => [
    { ...report(world), household_id: -1 },
    { ...report(world), category: '' },
    { ...report(world), urgency: 'soon' },
    { description: 'x'.repeat(2001) },
    { unknown_field: 1 },
  ],
  payloads: {
    report: [{}],
    discard: [{}, { comment: '重复记录' }],
    handle_in_grid: [{}, { comment: '请网格员当日处理' }],
    assign_community: [{}],
    escalate: [{ comment: '涉及消防通道，需街道协调' }, {}],
    send_back: [{ comment: '请补充具体位置' }, { comment: '' }],
    close_invalid: [{ comment: '经核实不属实' }],
    resolve: [{ comment: '已清理杂物，通道恢复畅通' }, { comment: 'x' }],
    refer: [{ comment: '网格内无法处置' }],
    dispatch: [{}],
    return_to_community: [{ comment: '请社区先行调解' }],
    consult: [{ comment: '需城发办、环卫中心会商' }],
    agree: [{}, { comment: '同意处置方案' }],
    disagree: [{ comment: '方案需调整' }],
    return_to_street: [{ comment: '非本部门职责' }],
    visit_satisfied: [{ satisfaction: 'satisfied' }, { satisfaction: 'basically_satisfied', comment: '希望加强巡查' }, { satisfaction: 'unsatisfied' }],
    visit_unsatisfied: [{ comment: '杂物再次堆放' }, {}],
  },
  worlds: [{ name: 'grid', setup: gridWorld }],
} satisfies PluginExamples<GridMachine>;
