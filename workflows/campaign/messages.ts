// The campaign's words, zh-CN and en, merged under workflows.campaign: its phases and events
// (checked against the machine), and the configuration view's.
import type { PluginMessages } from '../../src/workflow/types.ts';
import type { CampaignMachine } from './machine.ts';

export const messages = {
  'zh-CN': {
    name: '全域提升行动',
    formTitle: '行动配置',
    states: { plan: '规划部署阶段', pilot: '示范推进阶段', rollout: '全面推进阶段', acceptance: '全面验收阶段', longterm: '长效提升阶段' },
    events: { advance: '进入下一阶段', reopen: '退回上一阶段' },
    guards: {},
    fields: { comment: '说明' },
    positions: { leader: '组长', deputy: '副组长', member: '成员', office_director: '办公室主任', office_deputy: '办公室副主任' },
    config: {
      none: '此行动尚无配置',
      name: '行动名称', startYear: '起始年份', endYear: '结束年份',
      filing: '申报期', filingHint: '规划部署阶段内，社区在申报期内提交申报表；可延长',
      save: '保存', saved: '已保存', phases: '实施步骤', phase: '阶段', dates: '起止日期', current: '当前', savePhases: '保存阶段安排',
      leaders: '领导小组', position: '职务', person: '姓名', title: '单位职务', addLeader: '添加',
      offices: '成员单位', addOffice: '添加成员单位',
      seal: '街道印章', noSeal: '尚未上传印章', uploadSeal: '上传印章图片', sealSaved: '印章已更新',
      sealType: '印章须为 PNG 或 JPEG 图片', sealSize: '印章图片不超过 300 KB',
      rules: {
        name: '请填写行动名称', nameLong: '行动名称不超过 100 字', year: '请填写年份', endYear: '结束年份不能早于起始年份',
        filing: '请选择申报期', position: '请选择职务', person: '请填写姓名', personLong: '姓名不超过 50 字', titleLong: '单位职务不超过 100 字',
      },
    },
  },
  en: {
    name: 'Campaign',
    formTitle: 'Configuration',
    states: { plan: 'Plan', pilot: 'Pilot', rollout: 'Full rollout', acceptance: 'Acceptance', longterm: 'Long-term review' },
    events: { advance: 'Advance to the next phase', reopen: 'Reopen the previous phase' },
    guards: {},
    fields: { comment: 'Reason' },
    positions: { leader: 'Leader', deputy: 'Deputy leader', member: 'Member', office_director: 'Office director', office_deputy: 'Office deputy' },
    config: {
      none: 'This campaign has no configuration',
      name: 'Name', startYear: 'From', endYear: 'To',
      filing: 'Filing window', filingHint: 'In the plan phase, communities submit within the window; it may be extended',
      save: 'Save', saved: 'Saved', phases: 'Phases', phase: 'Phase', dates: 'Dates', current: 'Current', savePhases: 'Save the phases',
      leaders: 'Leadership group', position: 'Position', person: 'Name', title: 'Post', addLeader: 'Add',
      offices: 'Member offices', addOffice: 'Add a member office',
      seal: "Street's seal", noSeal: 'No seal uploaded', uploadSeal: 'Upload the seal', sealSaved: 'Seal updated',
      sealType: 'The seal must be a PNG or JPEG image', sealSize: 'The seal image must be at most 300 KB',
      rules: {
        name: 'Name the campaign', nameLong: 'At most 100 characters', year: 'Enter the year', endYear: 'Cannot end before it starts',
        filing: 'Choose the filing window', position: 'Choose the position', person: 'Enter the name', personLong: 'At most 50 characters', titleLong: 'At most 100 characters',
      },
    },
  },
} satisfies PluginMessages<CampaignMachine>;
