// What the tests replay through the application (workflows/README.md): forms valid and not,
// payloads per event, and the worlds the machine runs in, a campaign in each of its phases with
// that phase's scoring round open and scored for the community.
import type { ExampleQuery, PluginExamples } from '../../src/workflow/types.ts';
import type { RoundKind } from './guards.ts';
import type { ApplicationMachine } from './machine.ts';

const completeExample = (world: Record<string, unknown>) => {
  const compounds = (world.compounds as number[] | undefined) ?? [];
  return {
    registered_households: 1200, registered_people: 3400, resident_households: 1500, resident_people: 4100,
    compound_ids: compounds, creation_type: 'demonstration', demo_compound_ids: compounds.slice(0, 1), social_org_count: 6,
    measures: '以“红色物业”为抓手，推进小区党支部应建尽建。', brand_name: '禾邻红管家', brand_goal: '建成示范型社区',
    milestones: [{ content: '完成小区党支部组建', due_on: '2026-12-31' }],
  };
};

/**
 * A test world: the street's campaign in a phase (filing window open around today), three
 * compounds of the community, a published standard of two community sub-items, and the phase's
 * round opened and scored for the community (self scores for the self-check, two reviewers'
 * otherwise).
 */
async function campaignWorld(query: ExampleQuery, at: { street: number; community: number }, phase: string, kind: RoundKind) {
  const [campaign] = await query(
    `with instance as (
       insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id)
       values ('campaign', 1, $2, $1, $1, null) returning id)
     insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id)
     select $1, '测试行动', extract(year from current_date)::int, extract(year from current_date)::int + 2, current_date - 30, current_date + 30, id
     from instance returning id`,
    [at.street, phase],
  );
  const compounds = await query(
    `insert into public.units (kind, name, parent_id) select 'compound', '申报测试小区' || g || '-' || $1::bigint, $1 from generate_series(1, 3) g returning id`,
    [at.community],
  );
  const [version] = await query(`insert into public.standard_versions (campaign_id, year) values ($1, extract(year from current_date)) returning id`, [campaign!.id]);
  const [item] = await query(`insert into public.standard_items (version_id, level, number, goal) values ($1, 'community', 1, '测试项目') returning id`, [version!.id]);
  await query(`insert into public.standard_subitems (item_id, sort, content, points) select $1, g, '测试细则' || g, 50 from generate_series(1, 2) g`, [item!.id]);
  await query(`update public.standard_versions set status = 'published', published_at = now() where id = $1`, [version!.id]);
  const [round] = await query(
    `insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, $2, extract(year from current_date), $3) returning id`,
    [campaign!.id, kind, version!.id],
  );
  const scorers = kind === 'self_check' ? ['self'] : ['reviewer', 'reviewer'];
  for (const role of scorers) {
    await query(
      `insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score)
       select $1, $2, s.id, gen_random_uuid(), $3, 42 from public.standard_subitems s where s.version_id = $4`,
      [round!.id, at.community, role, version!.id],
    );
  }
  return { campaigns: 1, compounds: compounds.map((c) => Number(c.id)) };
}

export const examples = {
  forms: (world) => [completeExample(world), { registered_households: 10, registered_people: 20 }],
  invalidForms: (world) => [
    { ...completeExample(world), registered_people: 1 },
    { ...completeExample(world), demo_compound_ids: [999999999] },
    { registered_households: -1 },
    { measures: 'x'.repeat(2001) },
    { unknown_field: 1 },
  ],
  payloads: {
    return: [{ comment: '常住人数与户数不符，请核实' }, { comment: '' }],
    approve: [{ opinion: '同意申报示范型社区' }, { opinion: 'x' }],
    pre_accept: [{ opinion: '预验收评分完成，达到标准型' }, { opinion: '' }],
    accept_yearly: [{ opinion: '年度验收评分完成' }],
    accept_full: [{ opinion: '全面验收评分完成' }],
    reevaluate: [{ opinion: '复评完成' }, { unknown: 1 }],
  },
  // The campaign in each phase with that phase's round open: the plan (filing window open, the
  // self-check self-scored), then the later phases, each begun where an earlier one left off.
  worlds: [
    { name: 'plan', setup: (query, at) => campaignWorld(query, at, 'plan', 'self_check') },
    { name: 'pilot', setup: (query, at) => campaignWorld(query, at, 'pilot', 'pre_acceptance'), starts: ['self_checked', 'pilot'] },
    {
      name: 'rollout',
      setup: (query, at) => campaignWorld(query, at, 'rollout', 'yearly_acceptance'),
      starts: ['self_checked', 'pilot', 'pre_accepted', 'yearly_accepted'],
    },
    {
      name: 'acceptance',
      setup: (query, at) => campaignWorld(query, at, 'acceptance', 'full_acceptance'),
      starts: ['self_checked', 'pre_accepted', 'yearly_accepted'],
    },
    { name: 'longterm', setup: (query, at) => campaignWorld(query, at, 'longterm', 're_evaluation'), starts: ['accepted', 'reevaluated'] },
  ],
} satisfies PluginExamples<ApplicationMachine>;
