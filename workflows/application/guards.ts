// The application's guards, each twice (workflows/README.md): `check` for the machine in the
// browser and `sql` for the database, on the same input, with samples the tests evaluate both
// ways. They read the facts (facts.sql): the campaign's phase and filing window, and per round
// kind the campaign's open round and how far this unit is scored in it.
import { jsonSchema } from '../../src/workflow/compile.ts';
import type { GuardDef } from '../../src/workflow/types.ts';
import { completeSchema, crossFieldSql, formProblems } from './form.ts';

const sqlLiteral = (value: unknown) => `'${JSON.stringify(value).replaceAll("'", "''")}'::jsonb`;

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
export type RoundKind = keyof typeof ROUND_PHASE;
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

export const guards = {
  formComplete: {
    label: 'workflows.application.guards.formComplete',
    check: ({ form }) => completeSchema.safeParse(form).success,
    // What is missing or against a rule, by the fields' names: "（尚未填写：常住户数、创建措施）".
    explain: (form, t) => {
      if (!form) return { problems: '' };
      const { missing, invalid } = formProblems(form);
      const names = (keys: string[]) => keys.map((k) => t(`workflows.application.fields.${k}`)).join('、');
      const parts = [
        ...(missing.length ? [t('formView.missing', { fields: names(missing) })] : []),
        ...(invalid.length ? [t('formView.invalid', { fields: names(invalid) })] : []),
      ];
      return { problems: parts.length ? t('formView.problems', { parts: parts.join('；') }) : '' };
    },
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
