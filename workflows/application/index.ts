// A community's 申报表 (attachment 4 of the campaign plan): the filer drafts it (saved as they
// type), submits it while the campaign's filing window is open, a reviewer opens it and returns
// it with what to fix or approves it with the street's opinion (街道意见). Then the scoring rounds
// of section 四, each a step taken in its campaign phase once the round is scored: the self-check
// (自查) in planning, picked as a pilot and pre-accepted (预验收) in the pilot, the yearly
// acceptance (年度验收) in the full rollout, the full acceptance (全面验收), and each year's
// re-evaluation (复评) in the long-term review. The grade follows from the scores, never from
// the step: the step records that the unit's round is done, with its totals at that moment.
import { lazy } from 'react';
import { and, setup } from 'xstate';
import { z } from 'zod';
import type { MemberRole } from '../../src/access/roles.ts';
import { jsonSchema } from '../../src/workflow/compile.ts';
import { workflowActions, workflowGuards } from '../../src/workflow/machine.ts';
import type { ExampleQuery, GuardDef, WorkflowContext, WorkflowEvent, WorkflowPlugin, WorkflowVersion } from '../../src/workflow/types.ts';

// ---------------------------------------------------------------------------------------------
// The form. Messages are i18n keys (workflows.application.rules.*), translated where shown.
// ---------------------------------------------------------------------------------------------
const rule = (key: string) => `workflows.application.rules.${key}`;
const count = z.number({ error: rule('count') }).int(rule('count')).min(0, rule('count')).max(10_000_000, rule('count'));
const unitIds = z.array(z.number().int().positive()).max(500);
const milestone = z.strictObject({
  content: z.string().min(1, rule('milestoneContent')).max(200, rule('tooLong')),
  due_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, rule('date')),
});
export const CREATION_TYPES = ['demonstration', 'standard'] as const;

const fields = {
  registered_households: count,
  registered_people: count,
  resident_households: count,
  resident_people: count,
  compound_ids: unitIds,
  creation_type: z.enum(CREATION_TYPES, { error: rule('creationType') }),
  demo_compound_ids: unitIds,
  social_org_count: count,
  measures: z.string().max(2000, rule('tooLong')),
  brand_name: z.string().max(100, rule('tooLong')),
  brand_goal: z.string().max(1000, rule('tooLong')),
  milestones: z.array(milestone).max(20, rule('tooMany')),
};
export type ApplicationForm = Partial<{ [K in keyof typeof fields]: z.infer<(typeof fields)[K]> }>;

/** Rules across fields, in zod; formCheck below says the same in SQL (and one zod cannot know). */
function crossField(form: ApplicationForm, ctx: z.RefinementCtx) {
  const pairs = [['registered_households', 'registered_people'], ['resident_households', 'resident_people']] as const;
  for (const [households, people] of pairs) {
    if (form[households] !== undefined && form[people] !== undefined && form[people] < form[households]) {
      ctx.addIssue({ code: 'custom', path: [people], message: rule('peopleAtLeastHouseholds') });
    }
  }
  const demo = form.demo_compound_ids ?? [];
  if (demo.some((id) => !(form.compound_ids ?? []).includes(id))) {
    ctx.addIssue({ code: 'custom', path: ['demo_compound_ids'], message: rule('demoAmongCompounds') });
  }
}

const optional = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.optional()])) as {
  [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
};
/** A draft: any field may be missing; every field present follows the rules. */
export const draftSchema = z.strictObject(optional).superRefine(crossField);
/** What submit needs: every field of attachment 4. */
export const completeSchema = z
  .strictObject({
    ...fields,
    measures: fields.measures.min(1, rule('required')),
    brand_name: fields.brand_name.min(1, rule('required')),
    brand_goal: fields.brand_goal.min(1, rule('required')),
    milestones: fields.milestones.min(1, rule('milestonesRequired')),
  })
  .superRefine(crossField);

// The same cross-field rules over a jsonb form `f`, as { path, rule } or null. Types are checked
// first by the JSON Schema, so the casts below only see numbers and arrays.
const crossFieldSql = (f: string) => `case
    when jsonb_typeof(${f}->'registered_people') = 'number' and jsonb_typeof(${f}->'registered_households') = 'number'
         and (${f}->>'registered_people')::numeric < (${f}->>'registered_households')::numeric
      then jsonb_build_object('path', 'registered_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof(${f}->'resident_people') = 'number' and jsonb_typeof(${f}->'resident_households') = 'number'
         and (${f}->>'resident_people')::numeric < (${f}->>'resident_households')::numeric
      then jsonb_build_object('path', 'resident_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof(${f}->'demo_compound_ids') = 'array' and exists (
           select 1 from jsonb_array_elements(${f}->'demo_compound_ids') d
           where not coalesce(${f}->'compound_ids', '[]'::jsonb) @> jsonb_build_array(d))
      then jsonb_build_object('path', 'demo_compound_ids', 'rule', 'demoAmongCompounds')
  end`;

const sqlLiteral = (value: unknown) => `'${JSON.stringify(value).replaceAll("'", "''")}'::jsonb`;

// ---------------------------------------------------------------------------------------------
// Guards, facts, actions
// ---------------------------------------------------------------------------------------------
interface CampaignFacts {
  phase: string;
  filing_opens_on: string;
  filing_closes_on: string;
}

/** The scoring rounds (public.round_kind) and the campaign phase each is held in (private.round_phase). */
export const ROUND_PHASE = {
  self_check: 'plan',
  pre_acceptance: 'pilot',
  yearly_acceptance: 'rollout',
  full_acceptance: 'acceptance',
  re_evaluation: 'longterm',
} as const;
type RoundKind = keyof typeof ROUND_PHASE;
const roundPhaseSql = `case params->>'kind' ${Object.entries(ROUND_PHASE).map(([k, p]) => `when '${k}' then '${p}'`).join(' ')} end`;

/** The campaign's open (unpublished) round of a kind, as the facts give it for this unit. */
interface RoundFacts {
  id: number;
  year: number;
  /** The unit's self scores cover every community-level sub-item of the round's standard. */
  self_scored: boolean;
  /** The reviewers' scores do. */
  reviewed: boolean;
  /** This application already took its step for the round. */
  recorded: boolean;
}
const roundOf = (facts: Record<string, unknown>, kind: string) =>
  (facts.rounds as Record<string, RoundFacts | null | undefined> | null | undefined)?.[kind] ?? null;
const phaseOf = (facts: Record<string, unknown>) => (facts.campaign as CampaignFacts | null | undefined)?.phase;
const campaignFacts = (phase: string) => ({ phase, filing_opens_on: '2026-11-01', filing_closes_on: '2026-12-31' });
const openRound = (over: Partial<RoundFacts> = {}): RoundFacts => ({ id: 1, year: 2026, self_scored: true, reviewed: true, recorded: false, ...over });

const guards = {
  formComplete: {
    label: 'workflows.application.guards.formComplete',
    check: ({ form }) => completeSchema.safeParse(form).success,
    // Built when the compiler asks (npm run workflows:compile, the tests), not when the admin loads.
    get sql() {
      return `select case
      when private.wf_json_error(${sqlLiteral(jsonSchema(completeSchema, 'application complete form'))}, input->'form') is not null then false
      else (${crossFieldSql("(input->'form')")}) is null
    end`;
    },
    samples: [
      { input: { form: { registered_households: 1, registered_people: 2, resident_households: 1, resident_people: 1, compound_ids: [1, 2], creation_type: 'standard', demo_compound_ids: [2], social_org_count: 0, measures: '措施', brand_name: '品牌', brand_goal: '目标', milestones: [{ content: '启动', due_on: '2026-03-01' }] } } },
      { input: { form: { registered_households: 3, registered_people: 2, resident_households: 1, resident_people: 1, compound_ids: [1], creation_type: 'standard', demo_compound_ids: [], social_org_count: 0, measures: '措施', brand_name: '品牌', brand_goal: '目标', milestones: [{ content: '启动', due_on: '2026-03-01' }] } } },
      { input: { form: { registered_households: 1, registered_people: 2, resident_households: 1, resident_people: 1, compound_ids: [1], creation_type: 'standard', demo_compound_ids: [5], social_org_count: 0, measures: '措施', brand_name: '品牌', brand_goal: '目标', milestones: [{ content: '启动', due_on: '2026-03-01' }] } } },
      { input: { form: { registered_households: 1, registered_people: 2, measures: '措施' } } },
      { input: { form: {} } },
    ],
  } satisfies GuardDef,
  filingOpen: {
    label: 'workflows.application.guards.filingOpen',
    until: (facts) => (facts.campaign as CampaignFacts | null | undefined)?.filing_closes_on,
    check: ({ facts }) => {
      const campaign = facts.campaign as CampaignFacts | null | undefined;
      const today = facts.today as string | undefined;
      return !!campaign && !!today && campaign.phase === 'plan' && today >= campaign.filing_opens_on && today <= campaign.filing_closes_on;
    },
    sql: `select coalesce(
      input->'facts'->'campaign'->>'phase' = 'plan'
      and input->'facts'->>'today' >= input->'facts'->'campaign'->>'filing_opens_on'
      and input->'facts'->>'today' <= input->'facts'->'campaign'->>'filing_closes_on', false)`,
    samples: [
      { input: { facts: { today: '2026-11-21', campaign: { phase: 'plan', filing_opens_on: '2026-11-01', filing_closes_on: '2026-12-31' } } } },
      { input: { facts: { today: '2027-01-01', campaign: { phase: 'plan', filing_opens_on: '2026-11-01', filing_closes_on: '2026-12-31' } } } },
      { input: { facts: { today: '2026-10-31', campaign: { phase: 'plan', filing_opens_on: '2026-11-01', filing_closes_on: '2026-12-31' } } } },
      { input: { facts: { today: '2026-11-21', campaign: { phase: 'pilot', filing_opens_on: '2026-11-01', filing_closes_on: '2026-12-31' } } } },
      { input: { facts: { today: '2026-11-21', campaign: null } } },
      { input: { facts: {} } },
    ],
  } satisfies GuardDef,
  phaseIs: {
    label: 'workflows.application.guards.phaseIs',
    check: ({ facts }, { phase }) => phaseOf(facts) === phase,
    sql: `select coalesce(input->'facts'->'campaign'->>'phase' = params->>'phase', false)`,
    samples: [
      { input: { facts: { campaign: campaignFacts('pilot') } }, params: { phase: 'pilot' } },
      { input: { facts: { campaign: campaignFacts('plan') } }, params: { phase: 'pilot' } },
      { input: { facts: { campaign: null } }, params: { phase: 'pilot' } },
    ],
  } satisfies GuardDef<{ phase: string }>,
  // The campaign is in the round's phase, the office has opened the round, and this application
  // has not taken its step for it yet.
  roundOpen: {
    label: 'workflows.application.guards.roundOpen',
    check: ({ facts }, { kind }) => phaseOf(facts) === ROUND_PHASE[kind] && roundOf(facts, kind)?.recorded === false,
    sql: `select coalesce(
      input->'facts'->'campaign'->>'phase' = ${roundPhaseSql}
      and input->'facts'->'rounds'->(params->>'kind')->'recorded' = 'false'::jsonb, false)`,
    samples: [
      { input: { facts: { campaign: campaignFacts('pilot'), rounds: { pre_acceptance: openRound() } } }, params: { kind: 'pre_acceptance' } },
      { input: { facts: { campaign: campaignFacts('pilot'), rounds: { pre_acceptance: openRound({ recorded: true }) } } }, params: { kind: 'pre_acceptance' } },
      { input: { facts: { campaign: campaignFacts('rollout'), rounds: { pre_acceptance: openRound() } } }, params: { kind: 'pre_acceptance' } },
      { input: { facts: { campaign: campaignFacts('pilot'), rounds: { pre_acceptance: null } } }, params: { kind: 'pre_acceptance' } },
      { input: { facts: { campaign: campaignFacts('longterm'), rounds: { re_evaluation: openRound() } } }, params: { kind: 're_evaluation' } },
      { input: { facts: {} }, params: { kind: 'self_check' } },
    ],
  } satisfies GuardDef<{ kind: RoundKind }>,
  // The round is scored for this unit: by its filer (the self-check) or by the reviewers.
  roundScored: {
    label: 'workflows.application.guards.roundScored',
    check: ({ facts }, { kind, by }) => roundOf(facts, kind)?.[by === 'self' ? 'self_scored' : 'reviewed'] === true,
    sql: `select coalesce(
      input->'facts'->'rounds'->(params->>'kind')->(case params->>'by' when 'self' then 'self_scored' else 'reviewed' end) = 'true'::jsonb, false)`,
    samples: [
      { input: { facts: { rounds: { self_check: openRound({ reviewed: false }) } } }, params: { kind: 'self_check', by: 'self' } },
      { input: { facts: { rounds: { self_check: openRound({ self_scored: false }) } } }, params: { kind: 'self_check', by: 'self' } },
      { input: { facts: { rounds: { full_acceptance: openRound({ self_scored: false }) } } }, params: { kind: 'full_acceptance', by: 'reviewer' } },
      { input: { facts: { rounds: { full_acceptance: openRound({ reviewed: false }) } } }, params: { kind: 'full_acceptance', by: 'reviewer' } },
      { input: { facts: { rounds: {} } }, params: { kind: 'full_acceptance', by: 'reviewer' } },
    ],
  } satisfies GuardDef<{ kind: RoundKind; by: 'self' | 'reviewer' }>,
};

// The facts: the street's latest campaign (its phase, the workflow's state, and filing window);
// today in China, so the browser judges the window by the server's day, not its own clock; and
// per round kind, the campaign's open round with how far this unit is scored in it.
const facts = {
  sql: `declare
  v_campaign jsonb;
  v_campaign_id bigint;
  v_unit bigint;
  v_rounds jsonb;
begin
  select jsonb_build_object(
           'id', c.id, 'name', c.name, 'phase', ci.state,
           'filing_opens_on', c.filing_opens_on, 'filing_closes_on', c.filing_closes_on),
         c.id, a.subject_unit_id
    into v_campaign, v_campaign_id, v_unit
  from public.workflow_instances a
  join public.campaigns c on c.street_id = a.street_id
  join public.workflow_instances ci on ci.id = c.instance_id
  where a.id = $1 -- the instance (campaigns has an instance_id column of its own)
  order by c.start_year desc, c.id desc
  limit 1;
  select coalesce(jsonb_object_agg(r.kind, jsonb_build_object(
           'id', r.id, 'year', r.year,
           'self_scored', n.items > 0 and n.self_scored = n.items,
           'reviewed', n.items > 0 and n.reviewed = n.items,
           'recorded', exists (select 1 from public.application_rounds ar where ar.instance_id = $1 and ar.round_id = r.id))), '{}')
    into v_rounds
  from (
    select distinct on (sr.kind) sr.* from public.score_rounds sr
    where sr.campaign_id = v_campaign_id and sr.published_at is null
    order by sr.kind, sr.year desc, sr.id desc
  ) r
  -- the round's community-level sub-items, and how many the unit has a self score and a reviewers' mean for
  cross join lateral (
    select count(*) as items,
           count(*) filter (where exists (select 1 from public.score_entries e
                                          where e.round_id = r.id and e.unit_id = v_unit and e.subitem_id = s.id and e.scorer_role = 'self')) as self_scored,
           count(*) filter (where exists (select 1 from public.score_means m
                                          where m.round_id = r.id and m.unit_id = v_unit and m.subitem_id = s.id)) as reviewed
    from public.standard_subitems s join public.standard_items i on i.id = s.item_id
    where s.version_id = r.version_id and i.level = 'community'
  ) n;
  return jsonb_build_object('campaign', v_campaign, 'today', to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), 'rounds', v_rounds);
end;`,
};

/** The event that completes each round for the application. */
const ROUND_EVENT = {
  self_check: 'self_check',
  pre_accept: 'pre_acceptance',
  accept_yearly: 'yearly_acceptance',
  accept_full: 'full_acceptance',
  reevaluate: 're_evaluation',
} as const satisfies Record<string, RoundKind>;

// A round step records the round it completes and the unit's totals at that moment (the self
// total for the self-check, the reviewers' mean for the others); once per round and application.
const actions = {
  recordRound: {
    sql: `declare
  v_kind text; -- a round_kind; text, as the type is created by a later migration
  v_unit bigint;
  v_round_id bigint;
begin
  select case e.event ${Object.entries(ROUND_EVENT).map(([event, kind]) => `when '${event}' then '${kind}'`).join(' ')} end into v_kind from public.workflow_events e where e.id = $2;
  select a.subject_unit_id into v_unit from public.workflow_instances a where a.id = $1;
  select r.id into v_round_id
  from public.workflow_instances a
  join public.campaigns c on c.street_id = a.street_id
  join public.score_rounds r on r.campaign_id = c.id and r.kind = v_kind::public.round_kind and r.published_at is null
  where a.id = $1
  order by c.start_year desc, c.id desc, r.year desc, r.id desc
  limit 1;
  insert into public.application_rounds (instance_id, round_id, event_id, self_total, reviewer_total)
  values ($1, v_round_id, $2,
    (select round(sum(x.mean), 1) from (
       select avg(e.score) as mean from public.score_entries e
       where e.round_id = v_round_id and e.unit_id = v_unit and e.scorer_role = 'self' group by e.subitem_id) x),
    (select t.total from public.unit_totals t where t.round_id = v_round_id and t.unit_id = v_unit));
end;`,
  },
};

const formCheck = {
  sql: `declare
  v_error jsonb;
begin
  v_error := ${crossFieldSql('form')};
  if v_error is not null then
    return v_error;
  end if;
  -- The compounds are the community's own (a rule zod cannot know: the browser offers only them).
  if exists (
    select 1 from jsonb_array_elements(coalesce(form->'compound_ids', '[]'::jsonb)) e
    where not exists (
      select 1 from public.units u
      where u.id = (e #>> '{}')::bigint and u.kind = 'compound' and u.community_id = subject_unit_id)
  ) then
    return jsonb_build_object('path', 'compound_ids', 'rule', 'ownCompounds');
  end if;
  return null;
end;`,
};

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------
const role = (...roles: MemberRole[]) => ({ type: 'hasRole' as const, params: { roles } });
const filer = role('community_filer');
const reviewer = role('reviewer', 'street_office');
const office = role('street_office');

/** A round is completed for the unit in its phase, once it is scored (by the filer, or the reviewers). */
const roundReady = (kind: RoundKind, by: 'self' | 'reviewer') =>
  [{ type: 'roundOpen' as const, params: { kind } }, { type: 'roundScored' as const, params: { kind, by } }] as const;

const machine = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent; input: WorkflowContext },
  guards: workflowGuards(guards),
  actions: workflowActions(actions),
}).createMachine({
  id: 'application',
  context: ({ input }) => ({ form: input?.form ?? {}, facts: input?.facts ?? {} }),
  initial: 'draft',
  states: {
    draft: { on: { submit: { guard: and([filer, 'formComplete', 'filingOpen']), target: 'submitted', actions: ['snapshotForm'] } } },
    // Submitted and not yet opened: the filer may still take it back.
    submitted: { on: { withdraw: { guard: filer, target: 'draft' }, open: { guard: reviewer, target: 'in_review' } } },
    in_review: { on: { return: { guard: reviewer, target: 'returned' }, approve: { guard: reviewer, target: 'approved' } } },
    returned: { on: { resubmit: { guard: and([filer, 'formComplete', 'filingOpen']), target: 'submitted', actions: ['snapshotForm'] } } },
    // The filer hands in the self-check once they have self-scored every sub-item.
    approved: {
      on: {
        self_check: {
          guard: and([filer, ...roundReady('self_check', 'self')]),
          target: 'self_checked',
          actions: ['recordRound'],
        },
      },
    },
    // The office picks the pilots (试点) in the pilot phase; the others wait for the rollout.
    self_checked: {
      on: {
        pick_pilot: { guard: and([office, { type: 'phaseIs', params: { phase: 'pilot' } }]), target: 'pilot' },
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), target: 'yearly_accepted', actions: ['recordRound'] },
        accept_full: { guard: and([reviewer, ...roundReady('full_acceptance', 'reviewer')]), target: 'accepted', actions: ['recordRound'] },
      },
    },
    pilot: {
      on: {
        pre_accept: { guard: and([reviewer, ...roundReady('pre_acceptance', 'reviewer')]), target: 'pre_accepted', actions: ['recordRound'] },
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), target: 'yearly_accepted', actions: ['recordRound'] },
      },
    },
    pre_accepted: {
      on: {
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), target: 'yearly_accepted', actions: ['recordRound'] },
        accept_full: { guard: and([reviewer, ...roundReady('full_acceptance', 'reviewer')]), target: 'accepted', actions: ['recordRound'] },
      },
    },
    // Accepted again each year of the rollout, until the full acceptance.
    yearly_accepted: {
      on: {
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), actions: ['recordRound'] },
        accept_full: { guard: and([reviewer, ...roundReady('full_acceptance', 'reviewer')]), target: 'accepted', actions: ['recordRound'] },
      },
    },
    accepted: { on: { reevaluate: { guard: and([reviewer, ...roundReady('re_evaluation', 'reviewer')]), target: 'reevaluated', actions: ['recordRound'] } } },
    // Re-evaluated each year of the long-term review.
    reevaluated: { on: { reevaluate: { guard: and([reviewer, ...roundReady('re_evaluation', 'reviewer')]), actions: ['recordRound'] } } },
  },
});

const comment = z.string().min(2, rule('commentRequired')).max(500, rule('tooLong'));
const opinion = z.strictObject({ opinion: comment });
const v1: WorkflowVersion = {
  version: 1,
  machine,
  events: {
    submit: { label: 'workflows.application.events.submit', payload: z.strictObject({}), tone: 'primary' },
    withdraw: { label: 'workflows.application.events.withdraw', payload: z.strictObject({}) },
    open: { label: 'workflows.application.events.open', payload: z.strictObject({}), tone: 'primary' },
    return: { label: 'workflows.application.events.return', payload: z.strictObject({ comment }), tone: 'danger' },
    approve: { label: 'workflows.application.events.approve', payload: opinion, tone: 'primary' },
    resubmit: { label: 'workflows.application.events.resubmit', payload: z.strictObject({}), tone: 'primary' },
    self_check: { label: 'workflows.application.events.self_check', payload: z.strictObject({}), tone: 'primary' },
    pick_pilot: { label: 'workflows.application.events.pick_pilot', payload: z.strictObject({}), tone: 'primary' },
    pre_accept: { label: 'workflows.application.events.pre_accept', payload: opinion, tone: 'primary' },
    accept_yearly: { label: 'workflows.application.events.accept_yearly', payload: opinion, tone: 'primary' },
    accept_full: { label: 'workflows.application.events.accept_full', payload: opinion, tone: 'primary' },
    reevaluate: { label: 'workflows.application.events.reevaluate', payload: opinion, tone: 'primary' },
  },
  form: draftSchema,
  formEditable: { states: ['draft', 'returned'], roles: ['community_filer'] },
};

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

export const applicationPlugin: WorkflowPlugin = {
  name: 'application',
  label: 'workflows.application.name',
  subjectKinds: ['community'],
  startRoles: ['community_filer', 'street_office'],
  versions: [v1],
  guards,
  actions,
  facts,
  formCheck,
  views: {
    form: lazy(() => import('./form-view.tsx')),
    print: lazy(() => import('./print-view.tsx')),
  },
  stateLabels: {
    draft: 'workflows.application.states.draft',
    submitted: 'workflows.application.states.submitted',
    in_review: 'workflows.application.states.in_review',
    returned: 'workflows.application.states.returned',
    approved: 'workflows.application.states.approved',
    self_checked: 'workflows.application.states.self_checked',
    pilot: 'workflows.application.states.pilot',
    pre_accepted: 'workflows.application.states.pre_accepted',
    yearly_accepted: 'workflows.application.states.yearly_accepted',
    accepted: 'workflows.application.states.accepted',
    reevaluated: 'workflows.application.states.reevaluated',
  },
  examples: {
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
  },
  messages: {
    'zh-CN': {
      name: '创建申报',
      formTitle: '申报表',
      states: {
        draft: '草稿', submitted: '已提交', in_review: '审核中', returned: '已退回', approved: '已通过',
        self_checked: '已自查', pilot: '试点', pre_accepted: '已预验收', yearly_accepted: '已年度验收', accepted: '已全面验收', reevaluated: '已复评',
      },
      events: {
        submit: '提交申报', withdraw: '撤回', open: '开始审核', return: '退回修改', approve: '审核通过', resubmit: '重新提交',
        self_check: '提交自查', pick_pilot: '确定为试点', pre_accept: '完成预验收', accept_yearly: '完成年度验收', accept_full: '完成全面验收', reevaluate: '完成复评',
      },
      confirm: {
        submit: '提交后将不能修改，确定提交{{subject}}的申报表？',
        withdraw: '撤回后申报表回到草稿，可继续修改，确定撤回{{subject}}的申报表？',
        open: '开始审核后社区将不能撤回，确定开始审核{{subject}}的申报表？',
        return: '退回后{{subject}}须按退回意见修改后重新提交，确定退回？',
        approve: '审核通过后街道意见将填入申报表，确定通过{{subject}}的申报？',
        resubmit: '提交后将不能修改，确定重新提交{{subject}}的申报表？',
        self_check: '提交后本轮自查得分将记入申报，确定提交{{subject}}的自查？',
        pick_pilot: '确定将{{subject}}确定为试点社区？',
        pre_accept: '本轮评分将记入申报，确定完成{{subject}}的预验收？',
        accept_yearly: '本轮评分将记入申报，确定完成{{subject}}的年度验收？',
        accept_full: '本轮评分将记入申报，确定完成{{subject}}的全面验收？',
        reevaluate: '本轮评分将记入申报，确定完成{{subject}}的复评？',
      },
      guards: {
        formComplete: '申报表尚未填写完整',
        phaseIs: '行动当前不在此阶段',
        roundOpen: '本轮评分尚未开启，或本社区已完成本轮：须在对应阶段由街道开启评分轮次',
        roundScored: '本轮评分尚未完成：须为本社区层面的每个细则评分',
        filingOpen: '申报窗口未开放：须在规划部署阶段的申报期内（{{campaign.filing_opens_on}} 至 {{campaign.filing_closes_on}}）提交',
      },
      fields: {
        registered_households: '户籍户数', registered_people: '户籍人数', resident_households: '常住户数', resident_people: '常住人数',
        compound_ids: '所辖各小区名称', creation_type: '创建类型', demo_compound_ids: '拟创建示范型小区', social_org_count: '社会组织数',
        measures: '创建措施', brand_name: '项目名称', brand_goal: '创建目标', milestones: '项目内容及任务节点',
        comment: '退回意见', opinion: '街道意见',
      },
      rules: {
        count: '请填写不小于 0 的整数', required: '请填写此项', tooLong: '内容过长', tooMany: '条目过多', date: '请选择日期',
        creationType: '请选择创建类型', milestoneContent: '请填写任务节点内容', milestonesRequired: '请至少填写一个任务节点',
        peopleAtLeastHouseholds: '人数不能少于户数', demoAmongCompounds: '示范型小区须是本社区所辖小区之一',
        ownCompounds: '只能选择本社区所辖的小区', commentRequired: '{{field}}请至少填写 2 个字',
      },
      creationTypes: { demonstration: '示范型', standard: '标准型' },
      community_name: '社区名称',
      count: '共 {{n}} 个',
      brandProject: '特色品牌项目',
      returnedWith: '退回意见（请按意见修改后重新提交）',
      changed: { tag: '本次修改', before: '上次提交：{{value}}' },
      milestone: { due_on: '完成时间', content: '任务节点内容', add: '添加任务节点', remove: '删除此任务节点' },
      draft: {
        restored: '已恢复您上次未保存的修改',
        saved: '已自动保存 · {{time}}',
        pending: '正在编辑…',
        saving: '保存中…',
        invalid: '有填写不符合要求的内容，修改后自动保存',
        conflict: '表单已在其他窗口保存了更新的内容，已为您载入最新内容',
        failed: '保存失败，请检查标红的内容',
      },
      print: {
        title: '{{year}}年{{street}}城市基层党建全域提升申报表',
        subtitle: '（社区）',
        overview: '社区概况',
        compoundCount: '小区数',
        plannedDemo: '{{year}}年拟创建示范型小区',
        creationType: '{{year}}年社区创建类型',
        number: '个数',
        names: '名称',
        opinion: '街道意见',
        date: '{{y}}年{{m}}月{{d}}日',
        seal: '（盖章）',
        print: '打印',
        pdf: '下载 PDF',
        notApproved: '尚未审核通过，街道意见待填',
      },
    },
    en: {
      name: 'Application',
      formTitle: 'Application form',
      states: {
        draft: 'Draft', submitted: 'Submitted', in_review: 'In review', returned: 'Returned', approved: 'Approved',
        self_checked: 'Self-checked', pilot: 'Pilot', pre_accepted: 'Pre-accepted', yearly_accepted: 'Accepted this year', accepted: 'Accepted', reevaluated: 'Re-evaluated',
      },
      events: {
        submit: 'Submit', withdraw: 'Withdraw', open: 'Open', return: 'Return for changes', approve: 'Approve', resubmit: 'Resubmit',
        self_check: 'Hand in the self-check', pick_pilot: 'Pick as a pilot', pre_accept: 'Complete the pre-acceptance', accept_yearly: 'Complete the yearly acceptance', accept_full: 'Complete the full acceptance', reevaluate: 'Complete the re-evaluation',
      },
      confirm: {
        submit: "Once submitted it cannot be changed. Submit {{subject}}'s application?",
        withdraw: "The application goes back to a draft that can be changed. Withdraw {{subject}}'s application?",
        open: "Once opened the community can no longer withdraw it. Open {{subject}}'s application?",
        return: '{{subject}} will fix it as asked and resubmit. Return it?',
        approve: "The street's opinion goes on the application. Approve {{subject}}'s application?",
        resubmit: "Once submitted it cannot be changed. Resubmit {{subject}}'s application?",
        self_check: "This round's self scores are recorded with the application. Hand in {{subject}}'s self-check?",
        pick_pilot: 'Pick {{subject}} as a pilot?',
        pre_accept: "This round's scores are recorded with the application. Complete {{subject}}'s pre-acceptance?",
        accept_yearly: "This round's scores are recorded with the application. Complete {{subject}}'s yearly acceptance?",
        accept_full: "This round's scores are recorded with the application. Complete {{subject}}'s full acceptance?",
        reevaluate: "This round's scores are recorded with the application. Complete {{subject}}'s re-evaluation?",
      },
      guards: {
        formComplete: 'The application form is not complete',
        phaseIs: 'The campaign is not in this phase',
        roundOpen: 'The round is not open, or this community has completed it: the street opens each round in its phase',
        roundScored: 'The round is not scored yet: every community-level sub-item needs a score',
        filingOpen: 'Filing is closed: submit in the plan phase, between {{campaign.filing_opens_on}} and {{campaign.filing_closes_on}}',
      },
      fields: {
        registered_households: 'Registered households', registered_people: 'Registered residents', resident_households: 'Resident households', resident_people: 'Residents',
        compound_ids: 'Compounds', creation_type: 'Creation type', demo_compound_ids: 'Compounds to bring to demonstration', social_org_count: 'Social organisations',
        measures: 'Measures', brand_name: 'Project name', brand_goal: 'Goal', milestones: 'Content and milestones',
        comment: 'What to fix', opinion: "Street's opinion",
      },
      rules: {
        count: 'Enter a whole number, 0 or more', required: 'Required', tooLong: 'Too long', tooMany: 'Too many entries', date: 'Pick a date',
        creationType: 'Choose the creation type', milestoneContent: 'Describe the milestone', milestonesRequired: 'Add at least one milestone',
        peopleAtLeastHouseholds: 'People cannot be fewer than households', demoAmongCompounds: 'Demonstration compounds must be among the compounds',
        ownCompounds: "Only this community's compounds", commentRequired: '{{field}}: write at least 2 characters',
      },
      creationTypes: { demonstration: 'Demonstration', standard: 'Standard' },
      community_name: 'Community',
      count: '{{n}} in all',
      brandProject: 'Featured brand project',
      returnedWith: 'Returned: fix as asked, then resubmit',
      changed: { tag: 'Changed', before: 'Last submitted: {{value}}' },
      milestone: { due_on: 'Due', content: 'Milestone', add: 'Add a milestone', remove: 'Remove this milestone' },
      draft: {
        restored: 'Your unsaved changes were restored',
        saved: 'Saved automatically · {{time}}',
        pending: 'Editing…',
        saving: 'Saving…',
        invalid: 'Some entries break a rule; it saves once they are fixed',
        conflict: 'The form was saved in another window; the latest is loaded',
        failed: 'Not saved: check the fields marked in red',
      },
      print: {
        title: '{{year}} {{street}} application for the urban Party-building campaign',
        subtitle: '(community)',
        overview: 'Overview',
        compoundCount: 'Compounds',
        plannedDemo: 'Compounds to bring to demonstration in {{year}}',
        creationType: 'Creation type in {{year}}',
        number: 'Number',
        names: 'Names',
        opinion: "Street's opinion",
        date: '{{y}}-{{m}}-{{d}}',
        seal: '(seal)',
        print: 'Print',
        pdf: 'Download PDF',
        notApproved: 'Not approved yet: the street has not given its opinion',
      },
    },
  },
};
