// 网格化治理's words, zh-CN and en, merged under workflows.grid: the event's states, events and
// guards (checked against the machine), its fields and rules, and the grid pages'.
import type { PluginMessages } from '../../src/workflow/types.ts';
import type { GridMachine } from './machine.ts';

export const messages = {
  'zh-CN': {
    name: '民情事件',
    start: '采集事件',
    formTitle: '民情事件',
    states: {
      draft: '采集中', triage: '待分流', grid_handling: '网格处置', community_handling: '社区处置',
      street_dispatch: '待街道派发', office_handling: '部门处置', consulting: '会商研判', visit: '待回访',
      closed: '已办结', discarded: '已作废',
    },
    events: {
      report: '上报', discard: '作废', handle_in_grid: '网格处置', assign_community: '社区处置', escalate: '上报街道',
      send_back: '退回补充', close_invalid: '不予受理', resolve: '办结', refer: '退回社区',
      dispatch: '派发部门', return_to_community: '退回社区', consult: '发起会商', agree: '同意方案', disagree: '不同意方案',
      return_to_street: '退回街道', visit_satisfied: '回访满意', visit_unsatisfied: '回访不满意（重办）',
    },
    confirm: {
      report: '上报后由社区分流指派，确定上报{{subject}}的事件？',
      discard: '作废后不能恢复，确定作废？',
      close_invalid: '不予受理后事件结束，确定？',
      visit_unsatisfied: '不满意将退回社区重新分流办理，确定？',
    },
    guards: { reportComplete: '事件须填写类别、情况描述、位置和紧急程度' },
    fields: {
      category: '事件类别', description: '情况描述', location: '发生位置', household_id: '涉及住户', urgency: '紧急程度',
      comment: '意见', satisfaction: '满意度',
    },
    options: {
      urgency: { normal: '一般', urgent: '紧急', critical: '特急' },
      satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' },
    },
    rules: {
      required: '必填', tooLong: '内容过长', descriptionShort: '情况描述至少 5 个字', urgency: '请选择紧急程度',
      commentRequired: '请填写意见（至少 2 个字）', satisfaction: '请选择满意或基本满意；不满意请用“回访不满意（重办）”',
      categoryListed: '事件类别须是本街道清单中的一项', householdInGrid: '涉及住户须在本网格内',
    },
    unitKinds: { grid: '网格', micro_grid: '微网格', street_department: '街道部门' },
    roles: { grid_leader: '网格长', grid_worker: '网格员', micro_grid_worker: '微网格员', community_worker: '社区工作者', office_handler: '部门经办人' },
    pages: {
      grids: '网格', households: '住户',
    },
    tree: {
      title: '网格', street: '街道', community: '社区', households: '户数', people: '人数', staff: '工作人员', openEvents: '在办事件',
      kind: '层级', name: '名称', coverage: '覆盖检查', unplaced: '未划入微网格的住户', noWorker: '没有网格员的微网格',
      sizeOff: '户数不在 10–15 户的微网格', allCovered: '每户都在一个微网格中，每个微网格都有网格员，户数都在 10–15 户之间',
      units: '{{count}} 个', householdsN: '{{count}} 户', level: '{{level}}级网格', empty: '本街道尚未划分网格',
    },
    households: {
      title: '住户', address: '地址', compound: '小区', building: '楼栋', unit_no: '单元', room: '房号', size: '户人数',
      contact_name: '联系人', contact_phone: '联系电话', tags: '标签', note: '备注', grid: '所属网格', updated_at: '更新时间',
      showPhone: '查看电话', phoneRefused: '只有本网格的工作人员可以查看联系电话', search: '搜索地址或联系人', tag: '按标签筛选',
      add: '新增住户', edit: '编辑', save: '保存', saved: '已保存', deleted: '已删除', remove: '删除', removeConfirm: '确定删除这一户？',
      changes: '变更记录', op: { insert: '新增', update: '修改', delete: '删除' }, changedBy: '操作人', changedAt: '时间',
      phoneKept: '已登记 {{phone}}；不填则保留原号码',
      rules: {
        max: '不超过 {{max}} 个字', grid: '请选择所属网格', compound: '请填写小区', size: '户人数须是 1–30 的整数',
        phone: '请填写 11 位手机号或带区号的固定电话',
      },
      errors: { grid_households_address_key: '该地址已登记为一户' },
    },
    import: {
      open: '导入', title: '导入住户名册', template: '下载模板', templateFile: '住户名册模板', pick: '选择 Excel 文件（.xlsx）',
      hint: '按模板填写：社区、小区、户人数必填；网格填网格或微网格的名称（不填则登记在社区）；同一地址再次导入会更新这一户，不会重复。',
      reading: '正在读取…', ready: '共 {{count}} 行，检查无误，可以导入', run: '导入 {{count}} 行', running: '正在导入…',
      done: '导入完成：新增 {{inserted}} 户，更新 {{updated}} 户，{{unchanged}} 户无变化', unreadable: '无法读取这个文件：请选择按模板填写的 .xlsx 文件',
      refused: '有 {{count}} 行有问题，未写入任何数据：', row: '行', column: '列', problem: '问题', sheet: '表头',
      example: { community: '禾丰社区', grid: '禾丰苑1号楼微网格', compound: '禾丰苑', building: '1', unit_no: '2', room: '301', contact_name: '王建华', tags: '独居老人、党员户', note: '' },
      columns: {
        community: '社区', grid: '网格', compound: '小区', building: '楼栋', unit_no: '单元', room: '房号', size: '户人数',
        contact_name: '联系人', contact_phone: '联系电话', tags: '标签', note: '备注',
      },
      rules: {
        noColumn: '表头缺少「{{column}}」列', empty: '文件中没有住户', tooMany: '一次最多导入 {{max}} 行',
        required: '第 {{row}} 行「{{column}}」不能为空', tooLong: '第 {{row}} 行「{{column}}」不超过 {{max}} 个字',
        size: '第 {{row}} 行「{{column}}」必须是 1 到 30 的整数', phone: '第 {{row}} 行「{{column}}」须是 11 位手机号或带区号的固定电话',
        tag: '第 {{row}} 行「{{column}}」中的「{{tag}}」不在本街道的住户标签清单中', sameAddress: '第 {{row}} 行与第 {{first}} 行是同一地址',
        database: '第 {{row}} 行「{{column}}」：{{message}}', databaseRow: '第 {{row}} 行：{{message}}',
      },
    },
  },
  en: {
    name: 'Grid events',
    start: 'Record an event',
    formTitle: 'Grid event',
    states: {
      draft: 'Recording', triage: 'To triage', grid_handling: 'Handled in the grid', community_handling: 'Handled by the community',
      street_dispatch: 'To dispatch', office_handling: 'Handled by a department', consulting: 'In consultation', visit: 'To visit back',
      closed: 'Closed', discarded: 'Discarded',
    },
    events: {
      report: 'Report', discard: 'Discard', handle_in_grid: 'Handle in the grid', assign_community: 'Handle in the community', escalate: 'Escalate to the street',
      send_back: 'Send back', close_invalid: 'Reject', resolve: 'Resolve', refer: 'Refer back',
      dispatch: 'Dispatch', return_to_community: 'Return to the community', consult: 'Consult', agree: 'Agree', disagree: 'Disagree',
      return_to_street: 'Return to the street', visit_satisfied: 'Visited: satisfied', visit_unsatisfied: 'Visited: not satisfied (reopen)',
    },
    confirm: {
      report: 'Report the event of {{subject}} to the community?',
      discard: 'Discard it? This cannot be undone.',
      close_invalid: 'Reject it? The event ends.',
      visit_unsatisfied: 'Not satisfied: the community triages it again. Go on?',
    },
    guards: { reportComplete: 'Category, description, location and urgency are required' },
    fields: {
      category: 'Category', description: 'Description', location: 'Location', household_id: 'Household', urgency: 'Urgency',
      comment: 'Comment', satisfaction: 'Satisfaction',
    },
    options: {
      urgency: { normal: 'Normal', urgent: 'Urgent', critical: 'Critical' },
      satisfaction: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', unsatisfied: 'Not satisfied' },
    },
    rules: {
      required: 'Required', tooLong: 'Too long', descriptionShort: 'At least 5 characters', urgency: 'Pick the urgency',
      commentRequired: 'Write a comment (at least 2 characters)', satisfaction: 'Satisfied or basically satisfied; otherwise use “not satisfied”',
      categoryListed: 'The category must be on the street’s list', householdInGrid: 'The household must lie in this grid',
    },
    unitKinds: { grid: 'Grid', micro_grid: 'Micro-grid', street_department: 'Street department' },
    roles: { grid_leader: 'Grid leader', grid_worker: 'Grid worker', micro_grid_worker: 'Micro-grid worker', community_worker: 'Community worker', office_handler: 'Department handler' },
    pages: { grids: 'Grids', households: 'Households' },
    tree: {
      title: 'Grids', street: 'Street', community: 'Community', households: 'Households', people: 'People', staff: 'Staff', openEvents: 'Open events',
      kind: 'Level', name: 'Name', coverage: 'Coverage', unplaced: 'Households in no micro-grid', noWorker: 'Micro-grids without a worker',
      sizeOff: 'Micro-grids outside 10–15 households', allCovered: 'Every household is in one micro-grid, every micro-grid has a worker and 10–15 households',
      units: '{{count}}', householdsN: '{{count}} households', level: 'Level {{level}} grid', empty: 'No grids in this street yet',
    },
    households: {
      title: 'Households', address: 'Address', compound: 'Compound', building: 'Building', unit_no: 'Unit', room: 'Room', size: 'Size',
      contact_name: 'Contact', contact_phone: 'Phone', tags: 'Tags', note: 'Note', grid: 'Grid', updated_at: 'Updated',
      showPhone: 'Show phone', phoneRefused: 'Only the grid’s own staff may read the phone', search: 'Search address or contact', tag: 'Filter by tag',
      add: 'Add household', edit: 'Edit', save: 'Save', saved: 'Saved', deleted: 'Deleted', remove: 'Delete', removeConfirm: 'Delete this household?',
      changes: 'Changes', op: { insert: 'Added', update: 'Changed', delete: 'Deleted' }, changedBy: 'By', changedAt: 'At',
      phoneKept: 'On file: {{phone}}; leave empty to keep it',
      rules: {
        max: 'At most {{max}} characters', grid: 'Pick the grid', compound: 'Enter the compound', size: 'A whole number from 1 to 30',
        phone: 'An 11-digit mobile or a landline with its area code',
      },
      errors: { grid_households_address_key: 'This address is already a household' },
    },
    import: {
      open: 'Import', title: 'Import a households roster', template: 'Download the template', templateFile: 'households-roster-template', pick: 'Pick an Excel file (.xlsx)',
      hint: 'Fill in the template: community, compound and size are required; the grid is a grid’s or micro-grid’s name (none: the community); an address imported again updates that household.',
      reading: 'Reading…', ready: '{{count}} rows, all fine: ready to import', run: 'Import {{count}} rows', running: 'Importing…',
      done: 'Imported: {{inserted}} added, {{updated}} updated, {{unchanged}} unchanged', unreadable: 'This file cannot be read: pick an .xlsx made from the template',
      refused: '{{count}} rows have problems; nothing was written:', row: 'Row', column: 'Column', problem: 'Problem', sheet: 'Header',
      example: { community: '禾丰社区', grid: '禾丰苑1号楼微网格', compound: '禾丰苑', building: '1', unit_no: '2', room: '301', contact_name: '王建华', tags: '独居老人、党员户', note: '' },
      columns: {
        community: 'Community', grid: 'Grid', compound: 'Compound', building: 'Building', unit_no: 'Unit', room: 'Room', size: 'Size',
        contact_name: 'Contact', contact_phone: 'Phone', tags: 'Tags', note: 'Note',
      },
      rules: {
        noColumn: 'The header has no “{{column}}” column', empty: 'The file has no households', tooMany: 'At most {{max}} rows at a time',
        required: 'Row {{row}}: “{{column}}” is required', tooLong: 'Row {{row}}: “{{column}}” has at most {{max}} characters',
        size: 'Row {{row}}: “{{column}}” must be a whole number from 1 to 30', phone: 'Row {{row}}: “{{column}}” must be an 11-digit mobile or a landline with its area code',
        tag: 'Row {{row}}: “{{tag}}” in “{{column}}” is not on the street’s list', sameAddress: 'Row {{row}} has the address of row {{first}}',
        database: 'Row {{row}}, “{{column}}”: {{message}}', databaseRow: 'Row {{row}}: {{message}}',
      },
    },
  },
} satisfies PluginMessages<GridMachine>;
