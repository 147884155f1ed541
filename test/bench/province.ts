// Province-scale data for the benchmarks, generated straight into a stack's database with
// set-based SQL (generate_series, one INSERT … SELECT per table and step), on top of the demo
// seed: 10 streets of 1,000 communities each, 100,000 compounds (and a few buildings, business
// districts and social organisations), every street's people, a campaign per street (its
// `campaign` workflow instance and history, phases, leadership group, member offices, seal,
// standard), an `application` instance per community with its form, 1,000,000 rows of the
// workflow event log (with the snapshots the engine writes on each submission), the scoring
// rounds of each street's campaign with 1,000,000 score rows (self and reviewer scores) and the
// grades they give, and each campaign's key-task list and targets.
//
// Real rows in the real tables, as the admin and the engine write them: units through units'
// own triggers, accounts as the auth server stores them, memberships through theirs, histories
// that follow the machines' transitions event by event (checked against workflow_transitions
// before anything is written), rounds opened in the campaign phase they belong to (the gate
// trigger runs), grades computed by private.round_grades and published rounds reviewed by
// private.apply_review, as publish_round does.
//
// One trigger is turned off while its rows are written, and only because it is derivation the
// generator does itself: score_entries_check (per row: the unit's street and community, the
// sub-item's points as the score's ceiling, no write into a published round). The generator
// writes the unit's own street_id and community_id, caps every score at its sub-item's points
// and publishes a round only after its scores are in; the statement triggers that keep
// score_means and unit_totals current stay on. The workflow tables have no insert triggers (the
// engine's functions are their only writers; here the generator is, writing what fire_event
// would have written: the instance, one log row per event, a snapshot per submission).
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { timed } from './support.ts';

export interface ProvinceOptions {
  streets?: number;
  communitiesPerStreet?: number;
  compoundsPerCommunity?: number;
  scores?: number;
  events?: number;
}

export interface ProvinceStreet {
  n: number;
  id: number;
  name: string;
  phase: string;
  campaignId: number;
  office: string;
  reviewer: string;
  /** Community ids in order, and their filers' emails. */
  communities: { id: number; filer: string }[];
}

export interface Province {
  password: string;
  streets: ProvinceStreet[];
}

/** Every generated account's password. */
export const PROVINCE_PASSWORD = 'bench-password-1';

const PHASES = ['plan', 'pilot', 'rollout', 'acceptance', 'longterm'] as const;
// Months from the plan phase's start to each phase's (the seed's schedule: 5, 4, 24, 6 months).
const PHASE_START_MONTHS = [0, 5, 9, 33, 39];
const ROUND_KINDS = ['self_check', 'pre_acceptance', 'yearly_acceptance', 'full_acceptance', 're_evaluation'] as const;
const STREET_NAMES = ['东湖', '西城', '南苑', '北岭', '临江', '长安', '凤鸣', '梅溪', '金桥', '石门'];

// The application machine's transitions the histories are made of (from, event, to).
const APPLICATION_STEPS = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'withdraw', 'draft'],
  ['submitted', 'open', 'in_review'],
  ['in_review', 'return', 'returned'],
  ['in_review', 'approve', 'approved'],
  ['returned', 'resubmit', 'submitted'],
] as const;
const CAMPAIGN_STEPS = PHASES.slice(1).map((to, i) => [PHASES[i]!, 'advance', to] as const);

/** Generates the province into the database `db` (a superuser connection); prints each step's time. */
export async function generateProvince(db: pg.Client, options: ProvinceOptions = {}): Promise<Province> {
  const STREETS = options.streets ?? 10;
  const COMMUNITIES = options.communitiesPerStreet ?? 1000;
  const COMPOUNDS = options.compoundsPerCommunity ?? 10;
  const SCORES = options.scores ?? 1_000_000;
  const EVENTS = options.events ?? 1_000_000;
  const q = (sql: string, params?: unknown[]) => db.query(sql, params);
  const started = performance.now();

  // The machines must still have the transitions the histories are made of.
  for (const [workflow, steps] of [['application', APPLICATION_STEPS], ['campaign', CAMPAIGN_STEPS]] as const) {
    for (const [from, event, to] of steps) {
      const { rowCount } = await q(
        `select 1 from public.workflow_transitions t
         where t.workflow = $1 and t.version = (select max(version) from public.workflow_definitions where workflow = $1)
           and t.from_state = $2 and t.event = $3 and t.to_state = $4`,
        [workflow, from, event, to],
      );
      if (!rowCount) throw new Error(`province: the ${workflow} workflow no longer has ${from} --${event}--> ${to}; update test/bench/province.ts`);
    }
  }

  await timed(`units: ${STREETS} streets, ${(STREETS * COMMUNITIES).toLocaleString('en')} communities, ${(STREETS * COMMUNITIES * COMPOUNDS).toLocaleString('en')} compounds, buildings, districts, organisations`, async () => {
    await q(`
      create temp table pv_street (n int primary key, id bigint, name text, phase text, phase_idx int, v_start date,
        office uuid, rev_a uuid, rev_b uuid, viewer uuid, instance_id bigint, campaign_id bigint, version_id bigint);
      insert into pv_street (n, name, phase_idx)
      select s, coalesce((array[${STREET_NAMES.map((n) => `'${n}'`).join(',')}])[s], '第' || s) || '街道', ((s - 1) / 2) % 5
      from generate_series(1, ${STREETS}) s;
      update pv_street set phase = (array['plan', 'pilot', 'rollout', 'acceptance', 'longterm'])[phase_idx + 1],
        v_start = (date_trunc('month', current_date) - make_interval(months => (array[${PHASE_START_MONTHS.join(',')}])[phase_idx + 1] + 1))::date;
      insert into public.units (kind, name, address)
      select 'street', name, name || '办事处，' || name || '路 ' || n || ' 号' from pv_street order by n;
      update pv_street s set id = u.id from public.units u where u.kind = 'street' and u.parent_id is null and u.name = s.name;`);
    // Community names: two characters and 社区, distinct within a street (40 × 25 = 1,000 pairs).
    await q(`
      insert into public.units (kind, name, parent_id)
      select 'community',
             (string_to_array('东西南北春夏秋冬金银玉翠青红紫白松柏桂兰梅竹菊荷枫柳桃李杏梨江河湖海山川云霞星月', null))[1 + ((c - 1) / 25) % 40]
             || (string_to_array('苑园林湾桥岸庭坊里塘城港泉溪岭峰亭阁滨洲汇府景华湘', null))[1 + (c - 1) % 25]
             || case when c > 1000 then c::text else '' end || '社区',
             s.id
      from pv_street s, generate_series(1, ${COMMUNITIES}) c
      order by s.n, c;
      create temp table pv_comm as
      select u.id, u.street_id, s.n as street_n, row_number() over (partition by u.street_id order by u.id)::int as n, left(u.name, -2) as base
      from public.units u join pv_street s on u.parent_id = s.id where u.kind = 'community';
      alter table pv_comm add primary key (id);
      create index on pv_comm (street_id, n);`);
    await q(`
      insert into public.units (kind, name, parent_id)
      select 'compound', c.base || coalesce((array['一区', '二区', '三区', '花园', '家园', '雅苑', '新村', '公寓', '嘉园', '名邸'])[k], k || '区'), c.id
      from pv_comm c, generate_series(1, ${COMPOUNDS}) k
      order by c.id, k`);
    // A building in one community of 33, a social organisation in one of 25, ten business
    // districts and five social organisations of the street's own.
    await q(`
      insert into public.units (kind, name, parent_id, address)
      select 'building'::public.unit_kind, c.base || '商务大厦', c.id, c.base || '路 ' || c.n || ' 号' from pv_comm c where c.n % 33 = 1
      union all
      select 'social_org', c.base || '志愿者协会', c.id, null from pv_comm c where c.n % 25 = 2
      union all
      select 'business_district', (array['中心', '滨江', '站前', '老街', '新城', '湖滨', '东门', '西门', '南门', '北门'])[k] || '商圈', s.id, null
      from pv_street s, generate_series(1, 10) k
      union all
      select 'social_org', (array['社工服务中心', '慈善分会', '乡贤参事会', '文体协会', '调解协会'])[k], s.id, null
      from pv_street s, generate_series(1, 5) k`);
  });

  await timed(`accounts and memberships: an office, two reviewers and a viewer per street, a filer per community`, async () => {
    await q(`
      create temp table pv_user (id uuid primary key default gen_random_uuid(), email text not null, full_name text not null,
        unit_id bigint not null, role public.member_role not null, street_n int not null, comm_id bigint);
      insert into pv_user (email, full_name, unit_id, role, street_n)
      select r.prefix || '.s' || s.n || '@province.local', s.name || ' ' || r.label, s.id, r.role::public.member_role, s.n
      from pv_street s,
           (values ('office', '党建办', 'street_office'), ('reviewer', '评审甲', 'reviewer'), ('reviewer2', '评审乙', 'reviewer'), ('viewer', '查看', 'viewer')) r (prefix, label, role);
      insert into pv_user (email, full_name, unit_id, role, street_n, comm_id)
      select 'filer.s' || c.street_n || '.c' || c.n || '@province.local', c.base || '社区 填报员', c.id, 'community_filer', c.street_n, c.id
      from pv_comm c;
      create index on pv_user (comm_id);
      update pv_street s set office = (select id from pv_user u where u.street_n = s.n and u.email like 'office.%'),
                             rev_a = (select id from pv_user u where u.street_n = s.n and u.email like 'reviewer.%'),
                             rev_b = (select id from pv_user u where u.street_n = s.n and u.email like 'reviewer2.%'),
                             viewer = (select id from pv_user u where u.street_n = s.n and u.email like 'viewer.%');`);
    // As the auth server stores an account (see supabase/seed.sql); one bcrypt hash for all.
    await q(
      `with pw as (select extensions.crypt($1, extensions.gen_salt('bf', 4)) as hash)
       insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change)
       select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email, pw.hash, now(),
              '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', u.full_name), now(), now(), '', '', '', ''
       from pv_user u, pw`,
      [PROVINCE_PASSWORD],
    );
    await q(`
      insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
      select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', true), 'email', now(), now() from pv_user;
      insert into public.memberships (user_id, unit_id, role, created_by)
      select u.id, u.unit_id, u.role, case when u.role = 'street_office' then null else s.office end
      from pv_user u join pv_street s on s.n = u.street_n
      order by u.street_n, u.role, u.unit_id;`);
  });

  await timed('campaigns: workflow instances and history, phases, leadership groups, member offices, seals, the seeded standard', async () => {
    await q(`
      do $$
      declare
        s record;
        v_phase_starts int[] := array[${PHASE_START_MONTHS.join(',')}];
        v_phases text[] := array['plan', 'pilot', 'rollout', 'acceptance', 'longterm'];
        v_seed_campaign bigint := (select c.id from public.campaigns c where c.street_id = 1 order by c.id limit 1);
        v_seed_version bigint := (select v.id from public.standard_versions v where v.campaign_id = v_seed_campaign and v.status = 'published' order by v.year limit 1);
        v_instance bigint;
        v_campaign bigint;
        v_version bigint;
      begin
        for s in select * from pv_street order by n loop
          insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, created_by, revision, created_at, updated_at)
          values ('campaign', (select max(version) from public.workflow_definitions where workflow = 'campaign'), s.phase, s.id, s.id, null, s.office, s.phase_idx,
                  s.v_start, s.v_start + make_interval(months => v_phase_starts[s.phase_idx + 1]))
          returning id into v_instance;
          insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, created_at)
          select v_instance, 'campaign', i.version, case when p = 1 then 'start' else 'advance' end, case when p = 1 then null else v_phases[p - 1] end, v_phases[p],
                 case when p = 1 then '{}'::jsonb else jsonb_build_object('comment', '进入' || private.phase_label(v_phases[p]::public.campaign_phase)) end,
                 case when p = 1 then null else '进入' || private.phase_label(v_phases[p]::public.campaign_phase) end,
                 s.office, '{street_office}', s.id, s.v_start + make_interval(months => v_phase_starts[p])
          from generate_series(1, s.phase_idx + 1) p, public.workflow_instances i where i.id = v_instance
          order by p;

          insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id, created_at)
          values (s.id, s.name || '城市基层党建全域提升行动', extract(year from s.v_start)::int, extract(year from s.v_start)::int + 3,
                  s.v_start, (s.v_start + interval '5 months' - interval '1 day')::date, v_instance, s.v_start)
          returning id into v_campaign;
          insert into public.campaign_phases (campaign_id, phase, starts_on, ends_on)
          select v_campaign, v_phases[p]::public.campaign_phase, (s.v_start + make_interval(months => v_phase_starts[p]))::date,
                 case when p < 5 then (s.v_start + make_interval(months => v_phase_starts[p + 1]) - interval '1 day')::date end
          from generate_series(1, 5) p;
          insert into public.campaign_leaders (campaign_id, position, person_name, title, sort)
          select v_campaign, position, person_name, title, sort from public.campaign_leaders where campaign_id = v_seed_campaign order by id;
          insert into public.campaign_member_offices (campaign_id, name)
          select v_campaign, name from public.campaign_member_offices where campaign_id = v_seed_campaign order by id;
          insert into public.street_seals (street_id, image) select s.id, image from public.street_seals where street_id = 1;

          -- The standard as seeded (all 28 items of attachment 2), published for the campaign's first year.
          insert into public.standard_versions (campaign_id, year, created_at) values (v_campaign, extract(year from s.v_start)::int, s.v_start)
          returning id into v_version;
          with items as (
            insert into public.standard_items (version_id, level, number, goal)
            select v_version, i.level, i.number, i.goal from public.standard_items i where i.version_id = v_seed_version order by i.number
            returning id, number)
          insert into public.standard_subitems (item_id, sort, content, points)
          select items.id, x.sort, x.content, x.points
          from items join public.standard_items si on si.version_id = v_seed_version and si.number = items.number
          join public.standard_subitems x on x.item_id = si.id
          order by items.number, x.sort;
          insert into public.standard_vetoes (version_id, level, content)
          select v_version, v.level, v.content from public.standard_vetoes v where v.version_id = v_seed_version;
          update public.standard_versions set status = 'published', published_at = s.v_start + interval '7 days' where id = v_version;

          update pv_street set instance_id = v_instance, campaign_id = v_campaign, version_id = v_version where n = s.n;
        end loop;
      end
      $$;`);
  });

  const { rows: campaignEvents } = await q(`select count(*)::int as n from public.workflow_events e join pv_street s on s.instance_id = e.instance_id`);
  const applicationEvents = EVENTS - (campaignEvents[0] as { n: number }).n;

  await timed(`applications: an instance per community, its form, its history (${EVENTS.toLocaleString('en')} log rows in all) and a snapshot per submission`, async () => {
    // Where each community's application stands: in a street still filing (plan phase) spread
    // over every state; later, mostly approved. A street's first community's is returned (its
    // filer has something to do). Its history: start, (submit, withdraw) × k1, then unless a
    // draft: submit, (open, return, resubmit) × k2, and the steps to its state. Lengths vary
    // around the mean that makes the log's total exact; r = length − the shortest path.
    await q(`
      create temp table pv_app as
      select c.id as community_id, c.street_id, c.n, s.phase_idx, s.office, s.rev_a, s.rev_b, f.id as filer,
             (s.v_start + make_interval(days => (hashint8(c.id) & 15)::int, hours => 8 + (hashint8(c.id * 3) & 7)::int))::timestamptz as created_at,
             case when c.n = 1 then 'returned'
                  when s.phase_idx = 0 then case when h < 307 then 'draft' when h < 512 then 'submitted' when h < 666 then 'in_review' when h < 820 then 'returned' else 'approved' end
                  else case when h < 10 then 'draft' when h < 31 then 'submitted' when h < 62 then 'in_review' when h < 103 then 'returned' else 'approved' end
             end as state,
             (hashint8(c.id * 7) & 1023) / 1023.0 as spread,
             0 as base, 0 as r, 0 as k1, 0 as k2, 0 as len, null::bigint as instance_id
      from pv_comm c join pv_street s on s.id = c.street_id join pv_user f on f.comm_id = c.id,
           lateral (select (hashint8(c.id * 5) & 1023)::int as h) hh;
      alter table pv_app add primary key (community_id);
      update pv_app set base = case state when 'draft' then 1 when 'submitted' then 2 when 'in_review' then 3 else 4 end;`);
    await q(`
      with m as (select (${applicationEvents} - sum(base)) / count(*)::numeric as mean_r from pv_app)
      update pv_app set r = greatest(4, round(4 + spread * 2 * (m.mean_r - 4)))::int from m;
      update pv_app set r = r - r % 2 where state = 'draft';`);
    // Exactly the log's size: the difference spread ±1 over the applications not in draft (any
    // r ≥ 2 is a path there; a draft's must stay even).
    await q(`
      with d as (select ${applicationEvents} - sum(base + r) as diff, count(*) filter (where state <> 'draft') as n from pv_app),
      ranked as (select community_id, row_number() over (order by community_id) as i from pv_app where state <> 'draft')
      update pv_app a set r = a.r + floor(d.diff::numeric / d.n)::int + case when k.i <= d.diff - floor(d.diff::numeric / d.n) * d.n then 1 else 0 end
      from d, ranked k where k.community_id = a.community_id;
      update pv_app set k2 = case when state = 'draft' then 0 else r / 3 - case when (r - 3 * (r / 3)) % 2 = 1 then 1 else 0 end end;
      update pv_app set k1 = (r - 3 * k2) / 2, len = base + r;`);
    const { rows: check } = await q(`select sum(len)::bigint as total, count(*) filter (where k1 < 0 or k2 < 0 or 2 * k1 + 3 * k2 <> r) as bad from pv_app`);
    const { total, bad } = check[0] as { total: string; bad: string };
    if (Number(total) !== applicationEvents || Number(bad) !== 0) throw new Error(`province: history lengths off (${total} of ${applicationEvents}, ${bad} bad)`);

    // The form as attachment 4 has it: complete from the first submission on; a draft's still
    // lacks its texts. Snapshots keep the complete form submitted.
    await q(`
      create temp table pv_form as
      select a.community_id, jsonb_build_object(
               'registered_households', 600 + (hashint8(a.community_id) & 511), 'registered_people', 1800 + (hashint8(a.community_id) & 2047),
               'resident_households', 700 + (hashint8(a.community_id * 11) & 511), 'resident_people', 2100 + (hashint8(a.community_id * 11) & 2047),
               'compound_ids', cc.ids,
               'creation_type', case when (hashint8(a.community_id * 13) & 3) = 0 then 'demonstration' else 'standard' end,
               'demo_compound_ids', case when (hashint8(a.community_id * 13) & 3) = 0 then cc.first_two else '[]'::jsonb end,
               'social_org_count', (hashint8(a.community_id * 17) & 7)::int,
               'measures', '坚持党建引领，推行“社区党组织—网格党支部—楼栋党小组”组织体系，深化“红色物业”，每季度召开“大党委”联席会议，整合辖区单位资源开展为民服务项目。',
               'brand_name', c.base || '红管家',
               'brand_goal', '打造一社区一品牌，建成可学可看可借鉴的示范点。',
               'milestones', jsonb_build_array(
                 jsonb_build_object('content', '完成小区党支部组建和“红色驿站”改造', 'due_on', to_char(a.created_at + interval '60 days', 'YYYY-MM-DD')),
                 jsonb_build_object('content', '“微网格”全覆盖，开展议事协商', 'due_on', to_char(a.created_at + interval '150 days', 'YYYY-MM-DD')))) as form
      from pv_app a join pv_comm c on c.id = a.community_id
      join (select community_id, jsonb_agg(id order by id) as ids, jsonb_agg(id order by id) filter (where rn <= 2) as first_two
            from (select id, community_id, row_number() over (partition by community_id order by id) as rn
                  from public.units where kind = 'compound' and community_id in (select id from pv_comm)) x
            group by community_id) cc on cc.community_id = a.community_id;
      alter table pv_form add primary key (community_id);`);
    await q(`
      insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, form_saved_at, form_revision,
                                             revision, done, created_by, created_at, updated_at)
      select 'application', (select max(version) from public.workflow_definitions where workflow = 'application'), a.state, a.community_id, a.street_id, a.community_id,
             case when a.state = 'draft' and a.k1 = 0 then f.form - 'measures' - 'brand_name' - 'brand_goal' - 'milestones' else f.form end,
             a.created_at + (now() - a.created_at) * 0.5 / (a.len + 1), 1 + a.k1 + a.k2, a.len - 1, false, a.filer, a.created_at,
             a.created_at + (now() - a.created_at) * a.len / (a.len + 1)
      from pv_app a join pv_form f on f.community_id = a.community_id
      order by a.created_at;
      update pv_app a set instance_id = i.id from public.workflow_instances i where i.subject_unit_id = a.community_id and i.workflow = 'application';`);
    // One log row per event, in time order across the province as the engine appends them.
    await q(`
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles,
                                          street_id, community_id, created_at)
      select a.instance_id, 'application', i.version, e.event, st.from_state, st.to_state,
             case e.event when 'return' then jsonb_build_object('comment', rc.comment) when 'approve' then '{"opinion":"同意该社区申报，请按计划推进。"}'::jsonb else '{}'::jsonb end,
             case when e.event = 'return' then rc.comment end,
             case when st.by_filer then a.filer else (array[a.rev_a, a.rev_b, a.office])[1 + (hashint8(a.community_id * 1009 + step) & 3) % 3] end,
             case when st.by_filer then '{community_filer}'::text[]
                  when (hashint8(a.community_id * 1009 + step) & 3) % 3 = 2 then '{street_office}'::text[] else '{reviewer}'::text[] end,
             a.street_id, a.community_id, a.created_at + (now() - a.created_at) * step / (a.len + 1)
      from pv_app a
      join public.workflow_instances i on i.id = a.instance_id
      cross join lateral generate_series(1, a.len) step
      cross join lateral (select case
          when step = 1 then 'start'
          when step <= 1 + 2 * a.k1 then case when step % 2 = 0 then 'submit' else 'withdraw' end
          when step = 2 + 2 * a.k1 then 'submit'
          when step <= 2 + 2 * a.k1 + 3 * a.k2 then (array['open', 'return', 'resubmit'])[1 + (step - 3 - 2 * a.k1) % 3]
          when a.state = 'approved' then (array['open', 'approve'])[step - 2 - 2 * a.k1 - 3 * a.k2]
          else (array['open', 'return'])[step - 2 - 2 * a.k1 - 3 * a.k2]
        end as event) e
      join (values ('start', null, 'draft', true), ('submit', 'draft', 'submitted', true), ('withdraw', 'submitted', 'draft', true),
                   ('open', 'submitted', 'in_review', false), ('return', 'in_review', 'returned', false),
                   ('resubmit', 'returned', 'submitted', true), ('approve', 'in_review', 'approved', false)) st (event, from_state, to_state, by_filer)
        on st.event = e.event
      cross join lateral (select (array['特色品牌项目的任务节点过于笼统，请按月细化', '请补充小区党支部组建情况', '常住人口数据与台账不一致，请核实',
                                        '请补充“大党委”成员单位名单'])[1 + (hashint8(a.community_id * 31 + step) & 3)] as comment) rc
      order by 13`);
    await q(`
      insert into public.workflow_snapshots (instance_id, event_id, form, street_id, community_id, created_at)
      select e.instance_id, e.id, f.form, e.street_id, e.community_id, e.created_at
      from public.workflow_events e join pv_app a on a.instance_id = e.instance_id join pv_form f on f.community_id = a.community_id
      where e.event in ('submit', 'resubmit')
      order by e.id`);
    // Every history ends where its instance stands.
    const { rows: ends } = await q(`
      select count(*)::int as bad from pv_app a
      join lateral (select e.to_state from public.workflow_events e where e.instance_id = a.instance_id order by e.id desc limit 1) l on true
      where l.to_state <> a.state`);
    if ((ends[0] as { bad: number }).bad) throw new Error('province: a history does not end in its instance state');
  });

  await timed(`scoring rounds of each campaign's phases so far, ${SCORES.toLocaleString('en')} scores (self and two reviewers), grades, publication`, async () => {
    await q('alter table public.score_entries disable trigger score_entries_check');
    try {
      await q(`
        do $$
        declare
          s record;
          v_phase_starts int[] := array[${PHASE_START_MONTHS.join(',')}];
          v_phases text[] := array['plan', 'pilot', 'rollout', 'acceptance', 'longterm'];
          v_kinds public.round_kind[] := array[${ROUND_KINDS.map((k) => `'${k}'`).join(',')}]::public.round_kind[];
          v_per_street bigint;
          v_budget bigint;
          v_round bigint;
          v_opened timestamptz;
          v_offset int;
          v_window int;
        begin
          for s in select * from pv_street order by n loop
            v_per_street := ${SCORES} / ${STREETS} + case when s.n <= ${SCORES} % ${STREETS} then 1 else 0 end;
            for j in 0 .. s.phase_idx loop
              v_budget := v_per_street / (s.phase_idx + 1) + case when j = s.phase_idx then v_per_street % (s.phase_idx + 1) else 0 end;
              v_opened := s.v_start + make_interval(months => v_phase_starts[j + 1], days => 10);
              -- Opened while the campaign was in the round's phase (the gate checks it).
              update public.workflow_instances set state = v_phases[j + 1] where id = s.instance_id;
              insert into public.score_rounds (campaign_id, kind, year, version_id, created_at)
              values (s.campaign_id, v_kinds[j + 1], extract(year from v_opened)::int, s.version_id, v_opened)
              returning id into v_round;
              -- Units scored community by community (the community, its compounds and the rest
              -- under it), after the street and its own units; each round starts elsewhere, the
              -- current one with the street's first community.
              v_offset := ((s.phase_idx - j) * 137) % ${COMMUNITIES};
              v_window := least(${COMMUNITIES}, v_budget / 300 + 2);
              insert into public.score_entries (round_id, unit_id, street_id, community_id, subitem_id, scorer_id, scorer_role, score, updated_at)
              select v_round, x.id, x.street_id, x.community_id, x.subitem_id, sc.scorer, sc.role,
                     least(x.points, round(x.points * (60 + (hashint8(x.id * 7 + v_round) & 1023) * 38 / 1023.0 + sc.delta) / 100.0, 1)),
                     v_opened + make_interval(days => 3 + (x.grp % 20))
              from (
                select u.id, u.street_id, u.community_id, g.grp, sub.id as subitem_id, sub.points
                from (select u.id, 0 as grp from public.units u where u.street_id = s.id and u.community_id is null
                      union all
                      select u.id, 1 + (c.n - 1 - v_offset + ${COMMUNITIES}) % ${COMMUNITIES}
                      from pv_comm c join public.units u on u.community_id = c.id
                      where c.street_id = s.id and (c.n - 1 - v_offset + ${COMMUNITIES}) % ${COMMUNITIES} < v_window) g
                join public.units u on u.id = g.id
                join public.standard_items i on i.version_id = s.version_id and i.level = u.kind
                join public.standard_subitems sub on sub.item_id = i.id
              ) x
              left join pv_user f on f.comm_id = x.community_id
              cross join lateral (values (f.id, 'self', 2), (s.rev_a, 'reviewer', 1), (s.rev_b, 'reviewer', -1)) sc (scorer, role, delta)
              where sc.scorer is not null
              order by x.grp, x.id, x.subitem_id, sc.role desc, sc.delta desc
              limit v_budget;

              insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration,
                                              parts, parts_standard, parts_demo, reasons, computed_at)
              select v_round, g.unit_id, g.kind, g.street_id, g.community_id, g.total, g.standard, g.demonstration,
                     g.parts, g.parts_standard, g.parts_demo, g.reasons, v_opened + interval '25 days'
              from private.round_grades(v_round) g;
              -- Earlier phases' rounds were published, with the long-term review applied.
              if j < s.phase_idx then
                update public.score_rounds set published_at = v_opened + interval '30 days' where id = v_round;
                perform private.apply_review(v_round, 90);
              end if;
            end loop;
            update public.workflow_instances set state = s.phase where id = s.instance_id;
          end loop;
        end
        $$;`);
    } finally {
      await q('alter table public.score_entries enable trigger score_entries_check');
    }
    const { rows } = await q(`select count(*)::int as n from public.score_entries e join pv_street s on s.id = e.street_id`);
    if ((rows[0] as { n: number }).n !== SCORES) throw new Error(`province: ${(rows[0] as { n: number }).n} scores written, not ${SCORES}`);
  });

  await timed('key-task lists (the seeded 25 tasks, their lead offices, statuses, period reports) and targets per campaign', async () => {
    await q(`
      do $$
      declare
        s record;
        v_seed_campaign bigint := (select c.id from public.campaigns c where c.street_id = 1 order by c.id limit 1);
        v_seed_year date := (select min(year_starts_on) from public.key_tasks where campaign_id = v_seed_campaign);
        v_seed_pilot_end date := (select ends_on from public.campaign_phases where campaign_id = v_seed_campaign and phase = 'pilot');
        v_seed_acceptance_end date := (select ends_on from public.campaign_phases where campaign_id = v_seed_campaign and phase = 'acceptance');
        v_year date;
        v_pilot_end date;
        v_acceptance_end date;
      begin
        for s in select * from pv_street order by n loop
          -- The list's year starts three months into the plan phase, as the seed's does.
          v_year := (s.v_start + interval '3 months')::date;
          insert into public.key_tasks (campaign_id, year_starts_on, action, number, content, deadline, all_year, cadence, status, created_at)
          select s.campaign_id, v_year, t.action, t.number, t.content, d.deadline, t.all_year, t.cadence,
                 case when v_year > current_date then 'not_started'
                      when d.deadline < current_date then case when (hashint8(s.id * 100 + t.number) & 7) = 0 then 'in_progress' else 'done' end
                      when (hashint8(s.id * 100 + t.number) & 15) = 0 then 'blocked'
                      else 'in_progress' end::public.key_task_status,
                 s.v_start + interval '20 days'
          from public.key_tasks t
          cross join lateral (select case
              when t.deadline is null then null
              when extract(day from t.deadline + 1) = 1  -- a month's end stays a month's end
                then (v_year + make_interval(months => private.months_between(v_seed_year, t.deadline + 1)) - interval '1 day')::date
              else (v_year + make_interval(months => private.months_between(v_seed_year, t.deadline), days => extract(day from t.deadline)::int - 1))::date
            end as deadline) d
          where t.campaign_id = v_seed_campaign and t.year_starts_on = v_seed_year
          order by t.number;
          insert into public.key_task_leads (task_id, office_id, sort)
          select nt.id, no.id, l.sort
          from public.key_tasks ot
          join public.key_task_leads l on l.task_id = ot.id
          join public.campaign_member_offices oo on oo.id = l.office_id
          join public.key_tasks nt on nt.campaign_id = s.campaign_id and nt.year_starts_on = v_year and nt.number = ot.number
          join public.campaign_member_offices no on no.campaign_id = s.campaign_id and no.name = oo.name
          where ot.campaign_id = v_seed_campaign and ot.year_starts_on = v_seed_year;
          -- A report for each period that has ended (one in nine missed), a note on each task done.
          insert into public.key_task_reports (task_id, period, note, reported_by, created_at)
          select t.id, p.period, '本期按计划推进，已完成阶段性工作，台账已更新。', s.office, p.period + make_interval(months => private.cadence_months(t.cadence)) - interval '3 days'
          from public.key_tasks t
          cross join lateral (select (t.year_starts_on + make_interval(months => m))::date as period
                              from generate_series(0, 11, private.cadence_months(t.cadence)) m) p
          where t.campaign_id = s.campaign_id and t.cadence is not null
            and p.period + make_interval(months => private.cadence_months(t.cadence)) <= current_date
            and (hashint8(t.id * 37 + extract(month from p.period)::int) % 9) <> 0
          order by p.period, t.number;
          insert into public.key_task_reports (task_id, note, reported_by, created_at)
          select t.id, '任务已按要求完成，相关材料已归档。', s.office, t.deadline - interval '2 days'
          from public.key_tasks t where t.campaign_id = s.campaign_id and t.status = 'done' and t.deadline is not null
          order by t.number;

          -- The seed's targets, due on the same milestones of this campaign's phases; counts of
          -- communities and compounds scaled to a street of this size.
          select p.ends_on, a.ends_on into v_pilot_end, v_acceptance_end
          from public.campaign_phases p join public.campaign_phases a on a.campaign_id = p.campaign_id and a.phase = 'acceptance'
          where p.campaign_id = s.campaign_id and p.phase = 'pilot';
          insert into public.campaign_targets (campaign_id, due_on, unit_kind, grade, count, share, note)
          select s.campaign_id,
                 case t.due_on when v_seed_pilot_end then v_pilot_end when v_seed_acceptance_end then v_acceptance_end
                      else (v_pilot_end + 1 + interval '18 months' - interval '1 day')::date end,
                 t.unit_kind, t.grade,
                 case when t.count is not null and t.unit_kind in ('community', 'compound') then least(100000, t.count * ${Math.max(1, Math.round(COMMUNITIES / 8))}) else t.count end,
                 t.share, t.note
          from public.campaign_targets t where t.campaign_id = v_seed_campaign
          order by t.id;
        end loop;
      end
      $$;`);
  });

  await timed('vacuum and analyze', async () => {
    await q('vacuum (analyze)');
  });

  const { rows: counts } = await q(`
    select (select count(*) from public.units u join pv_street s on s.id = u.street_id) as units,
           (select count(*) from public.memberships m join pv_street s on s.id = m.street_id) as memberships,
           (select count(*) from public.workflow_instances i join pv_street s on s.id = i.street_id) as instances,
           (select count(*) from public.workflow_events e join pv_street s on s.id = e.street_id) as events,
           (select count(*) from public.workflow_snapshots x join pv_street s on s.id = x.street_id) as snapshots,
           (select count(*) from public.score_rounds r join pv_street s on s.id = r.street_id) as rounds,
           (select count(*) from public.score_entries e join pv_street s on s.id = e.street_id) as scores,
           (select count(*) from public.unit_grades g join pv_street s on s.id = g.street_id) as grades,
           (select count(*) from public.key_tasks t join pv_street s on s.id = t.street_id) as key_tasks,
           (select count(*) from public.campaign_targets t join pv_street s on s.id = t.street_id) as targets`);
  const c = counts[0] as Record<string, string>;
  console.log(
    `  province: ${Object.entries(c).map(([k, v]) => `${Number(v).toLocaleString('en')} ${k.replace('_', ' ')}`).join(', ')}` +
      `; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const { rows: streets } = await q(`
    select s.n, s.id, s.name, s.phase, s.campaign_id,
           'office.s' || s.n || '@province.local' as office, 'reviewer.s' || s.n || '@province.local' as reviewer,
           (select json_agg(json_build_object('id', c.id, 'filer', 'filer.s' || s.n || '.c' || c.n || '@province.local') order by c.n)
            from pv_comm c where c.street_id = s.id) as communities
    from pv_street s order by s.n`);
  return {
    password: PROVINCE_PASSWORD,
    streets: (streets as Record<string, unknown>[]).map((r) => ({
      n: Number(r.n), id: Number(r.id), name: String(r.name), phase: String(r.phase), campaignId: Number(r.campaign_id),
      office: String(r.office), reviewer: String(r.reviewer), communities: r.communities as { id: number; filer: string }[],
    })),
  };
}
