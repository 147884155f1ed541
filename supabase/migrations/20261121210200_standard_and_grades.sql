-- The scoring standard (attachment 2, 建设要求), versioned per campaign year, the rounds units
-- are scored in, their scores and veto findings, and the grades that follow from them: computed
-- here, never typed in.
--
-- Grades (section 三 of the plan): 标准型 at ≥ 75 points, 示范型 at ≥ 90, already standard and no
-- veto. A standard community needs all its compounds standard; a demonstration community ≥ 30% of
-- its compounds at demonstration. A standard street needs every community, compound, building and
-- business district standard; a demonstration street ≥ 30% of them at demonstration.

create type public.standard_status as enum ('draft', 'published');
create type public.round_kind as enum ('self_check', 'pre_acceptance', 'yearly_acceptance', 'full_acceptance', 're_evaluation');

-- ---------------------------------------------------------------------------------------------
-- The standard
-- ---------------------------------------------------------------------------------------------
create table public.standard_versions (
  id bigint generated always as identity primary key,
  campaign_id bigint not null references public.campaigns on delete cascade,
  street_id bigint not null,
  year int not null constraint standard_versions_year_check check (year between 2000 and 2100),
  status public.standard_status not null default 'draft',
  published_at timestamptz,
  created_at timestamptz not null default now(),
  constraint standard_versions_year_unique unique (campaign_id, year)
);
create index standard_versions_street_id_idx on public.standard_versions (street_id);

create table public.standard_items (
  id bigint generated always as identity primary key,
  version_id bigint not null references public.standard_versions on delete cascade,
  street_id bigint not null,
  level public.unit_kind not null,
  number int not null constraint standard_items_number_check check (number between 1 and 999),
  goal text not null constraint standard_items_goal_check check (char_length(btrim(goal)) between 1 and 200),
  constraint standard_items_number_unique unique (version_id, number)
);
create index standard_items_version_idx on public.standard_items (version_id, level, number);
create index standard_items_street_id_idx on public.standard_items (street_id);

create table public.standard_subitems (
  id bigint generated always as identity primary key,
  item_id bigint not null references public.standard_items on delete cascade,
  version_id bigint not null,
  street_id bigint not null,
  sort int not null default 0,
  content text not null constraint standard_subitems_content_check check (char_length(btrim(content)) between 1 and 1000),
  points numeric(5, 1) not null constraint standard_subitems_points_check check (points > 0 and points <= 100)
);
create index standard_subitems_item_idx on public.standard_subitems (item_id, sort);
create index standard_subitems_version_idx on public.standard_subitems (version_id);
create index standard_subitems_street_id_idx on public.standard_subitems (street_id);

-- 一票否决: a condition that, found, keeps a unit of its level from demonstration.
create table public.standard_vetoes (
  id bigint generated always as identity primary key,
  version_id bigint not null references public.standard_versions on delete cascade,
  street_id bigint not null,
  level public.unit_kind not null,
  content text not null constraint standard_vetoes_content_check check (char_length(btrim(content)) between 1 and 500)
);
create index standard_vetoes_version_idx on public.standard_vetoes (version_id, level);
create index standard_vetoes_street_id_idx on public.standard_vetoes (street_id);

-- ---------------------------------------------------------------------------------------------
-- Rounds, scores, veto findings, grades
-- ---------------------------------------------------------------------------------------------
create table public.score_rounds (
  id bigint generated always as identity primary key,
  campaign_id bigint not null references public.campaigns on delete restrict,
  street_id bigint not null,
  kind public.round_kind not null,
  year int not null,
  -- the standard the round is scored on, kept whatever later versions say
  version_id bigint not null references public.standard_versions on delete restrict,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  constraint score_rounds_unique unique (campaign_id, kind, year)
);
create index score_rounds_street_id_idx on public.score_rounds (street_id);

create table public.score_entries (
  id bigint generated always as identity primary key,
  round_id bigint not null references public.score_rounds on delete restrict,
  unit_id bigint not null references public.units on delete restrict,
  street_id bigint not null,
  community_id bigint,
  subitem_id bigint not null references public.standard_subitems on delete restrict,
  scorer_id uuid not null default auth.uid(),
  -- self: the unit's own (the filer's 自评); reviewer: counts for the grade
  scorer_role text not null constraint score_entries_role_check check (scorer_role in ('self', 'reviewer')),
  score numeric(5, 1) not null constraint score_entries_score_check check (score >= 0),
  note text constraint score_entries_note_check check (char_length(note) <= 1000),
  updated_at timestamptz not null default now(),
  constraint score_entries_unique unique (round_id, unit_id, subitem_id, scorer_id, scorer_role)
);
create index score_entries_round_unit_idx on public.score_entries (round_id, unit_id);
create index score_entries_street_id_idx on public.score_entries (street_id, id);
create index score_entries_community_id_idx on public.score_entries (community_id, id);

create table public.veto_findings (
  round_id bigint not null references public.score_rounds on delete restrict,
  unit_id bigint not null references public.units on delete restrict,
  veto_id bigint not null references public.standard_vetoes on delete restrict,
  street_id bigint not null,
  community_id bigint,
  found boolean not null,
  note text constraint veto_findings_note_check check (char_length(note) <= 1000),
  found_by uuid default auth.uid(),
  primary key (round_id, unit_id, veto_id)
);
create index veto_findings_street_id_idx on public.veto_findings (street_id);
create index veto_findings_community_id_idx on public.veto_findings (community_id);

-- The grades of a round, as recompute_grades() last computed them.
create table public.unit_grades (
  round_id bigint not null references public.score_rounds on delete restrict,
  unit_id bigint not null references public.units on delete restrict,
  kind public.unit_kind not null,
  street_id bigint not null,
  community_id bigint,
  total numeric(6, 2) not null,
  standard boolean not null,
  demonstration boolean not null,
  -- a community's compounds, or a street's communities, compounds, buildings and districts:
  -- how many, how many standard, how many at demonstration (null for other units)
  parts int,
  parts_standard int,
  parts_demo int,
  -- why not (a higher) grade, in order: notScored, below75, partsNotStandard, below90, veto,
  -- demoShareBelow30
  reasons text[] not null default '{}',
  computed_at timestamptz not null default now(),
  primary key (round_id, unit_id)
);
create index unit_grades_street_id_idx on public.unit_grades (street_id, round_id);
create index unit_grades_community_id_idx on public.unit_grades (community_id, round_id);

-- ---------------------------------------------------------------------------------------------
-- Integrity
-- ---------------------------------------------------------------------------------------------

-- Scope columns come from the parent row, whatever the client sent.
create function private.standard_scope() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  case tg_table_name
    when 'standard_versions' then
      select c.street_id into new.street_id from public.campaigns c where c.id = new.campaign_id;
    when 'standard_items', 'standard_vetoes' then
      select v.street_id into new.street_id from public.standard_versions v where v.id = new.version_id;
    when 'standard_subitems' then
      select i.version_id, i.street_id into new.version_id, new.street_id from public.standard_items i where i.id = new.item_id;
    when 'score_rounds' then
      select c.street_id into new.street_id from public.campaigns c where c.id = new.campaign_id;
  end case;
  return new;
end;
$$;
create trigger standard_versions_scope before insert or update on public.standard_versions for each row execute function private.standard_scope();
create trigger standard_items_scope before insert or update on public.standard_items for each row execute function private.standard_scope();
create trigger standard_subitems_scope before insert or update on public.standard_subitems for each row execute function private.standard_scope();
create trigger standard_vetoes_scope before insert or update on public.standard_vetoes for each row execute function private.standard_scope();
create trigger score_rounds_scope before insert or update on public.score_rounds for each row execute function private.standard_scope();

-- A published standard does not change: rounds were scored on it.
create function private.standard_frozen() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_version bigint := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
begin
  if tg_op = 'UPDATE' and old.version_id <> new.version_id then
    raise exception '条目不能移到另一版本的标准' using errcode = '42501';
  end if;
  if exists (select 1 from public.standard_versions v where v.id = v_version and v.status = 'published')
     or (tg_op = 'UPDATE' and exists (select 1 from public.standard_versions v where v.id = old.version_id and v.status = 'published')) then
    raise exception '已发布的标准不能修改：请为新的年度建立新版本' using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger standard_items_frozen before insert or update or delete on public.standard_items for each row execute function private.standard_frozen();
create trigger standard_subitems_frozen before insert or update or delete on public.standard_subitems for each row execute function private.standard_frozen();
create trigger standard_vetoes_frozen before insert or update or delete on public.standard_vetoes for each row execute function private.standard_frozen();

create function private.standard_versions_guard() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'published' then
      raise exception '已发布的标准不能删除' using errcode = '42501';
    end if;
    return old;
  end if;
  if old.status = 'published' and (new.status <> 'published' or new.year <> old.year or new.campaign_id <> old.campaign_id) then
    raise exception '已发布的标准不能修改：请为新的年度建立新版本' using errcode = '42501';
  end if;
  return new;
end;
$$;
create trigger standard_versions_guard before update or delete on public.standard_versions for each row execute function private.standard_versions_guard();

-- Each round in its phase of the campaign (section 四): the self-check in planning, the
-- pre-acceptance at the end of the pilot, the yearly acceptance in the full rollout, the full
-- acceptance in the acceptance phase, the yearly re-evaluation in the long-term review.
create function private.round_phase(p_kind public.round_kind) returns text
language sql immutable
set search_path = ''
as $$
  select case p_kind when 'self_check' then 'plan' when 'pre_acceptance' then 'pilot' when 'yearly_acceptance' then 'rollout'
    when 'full_acceptance' then 'acceptance' else 'longterm' end
$$;

create function private.round_label(p_kind public.round_kind) returns text
language sql immutable
set search_path = ''
as $$
  select case p_kind when 'self_check' then '自查' when 'pre_acceptance' then '预验收' when 'yearly_acceptance' then '年度验收'
    when 'full_acceptance' then '全面验收' else '复评' end
$$;

create function private.score_rounds_gate() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_phase text;
begin
  select i.state into v_phase
  from public.campaigns c join public.workflow_instances i on i.id = c.instance_id
  where c.id = new.campaign_id;
  if v_phase is distinct from private.round_phase(new.kind) then
    raise exception '「%」只能在%开展，行动当前处于%', private.round_label(new.kind),
      private.phase_label(private.round_phase(new.kind)::public.campaign_phase),
      coalesce(private.phase_label(v_phase::public.campaign_phase), '未知阶段')
      using errcode = '23514', hint = 'kind';
  end if;
  if not exists (select 1 from public.standard_versions v where v.id = new.version_id and v.campaign_id = new.campaign_id and v.status = 'published') then
    raise exception '评分须依据本行动已发布的标准' using errcode = '23514', hint = 'version_id';
  end if;
  return new;
end;
$$;
create trigger score_rounds_gate before insert on public.score_rounds for each row execute function private.score_rounds_gate();

-- A score lies between 0 and its sub-item's points; the unit's scope rides along. SECURITY
-- DEFINER: it reads the standard whoever writes, so someone out of scope is refused by the
-- policies (42501), not told about a standard they cannot see.
create function private.score_entries_check() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_points numeric;
begin
  select s.points into v_points from public.standard_subitems s
  join public.score_rounds r on r.version_id = s.version_id
  where s.id = new.subitem_id and r.id = new.round_id;
  if v_points is null then
    raise exception '该细则不属于本轮所用的标准' using errcode = '23514', hint = 'subitem_id';
  end if;
  if exists (select 1 from public.score_rounds r where r.id = new.round_id and r.published_at is not null) then
    raise exception '本轮结果已通报，评分不能再改' using errcode = '42501';
  end if;
  if new.score > v_points then
    raise exception '得分不能超过该细则的分值 % 分', v_points using errcode = '23514', hint = 'score';
  end if;
  select u.street_id, u.community_id into new.street_id, new.community_id from public.units u where u.id = new.unit_id;
  new.updated_at := now();
  return new;
end;
$$;
create trigger score_entries_check before insert or update on public.score_entries for each row execute function private.score_entries_check();

create function private.veto_findings_scope() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  select u.street_id, u.community_id into new.street_id, new.community_id from public.units u where u.id = new.unit_id;
  return new;
end;
$$;
create trigger veto_findings_scope before insert or update on public.veto_findings for each row execute function private.veto_findings_scope();


-- The reviewers' mean per sub-item and each unit's total, kept current as scores are written
-- (statement triggers over the changed rows), so computing a street's grades reads one total per
-- unit instead of aggregating every score (npm run bench:grades).
create table public.score_means (
  round_id bigint not null,
  unit_id bigint not null,
  subitem_id bigint not null,
  score_sum numeric not null,
  score_count int not null,
  primary key (round_id, unit_id, subitem_id)
);
create table public.unit_totals (
  round_id bigint not null,
  unit_id bigint not null,
  total numeric not null,
  primary key (round_id, unit_id)
);

create function private.score_totals_refresh() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  -- The (round, unit, sub-item) keys the statement touched, old and new.
  create temporary table if not exists pg_temp.changed_scores (round_id bigint, unit_id bigint, subitem_id bigint) on commit drop;
  truncate pg_temp.changed_scores;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into pg_temp.changed_scores select distinct n.round_id, n.unit_id, n.subitem_id from new_rows n;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into pg_temp.changed_scores select distinct o.round_id, o.unit_id, o.subitem_id from old_rows o;
  end if;

  delete from public.score_means m using pg_temp.changed_scores c
  where m.round_id = c.round_id and m.unit_id = c.unit_id and m.subitem_id = c.subitem_id;
  insert into public.score_means (round_id, unit_id, subitem_id, score_sum, score_count)
  select e.round_id, e.unit_id, e.subitem_id, sum(e.score), count(*)
  from public.score_entries e
  join (select distinct * from pg_temp.changed_scores) c on c.round_id = e.round_id and c.unit_id = e.unit_id and c.subitem_id = e.subitem_id
  where e.scorer_role = 'reviewer'
  group by e.round_id, e.unit_id, e.subitem_id;

  delete from public.unit_totals t using (select distinct round_id, unit_id from pg_temp.changed_scores) c
  where t.round_id = c.round_id and t.unit_id = c.unit_id;
  insert into public.unit_totals (round_id, unit_id, total)
  select m.round_id, m.unit_id, round(sum(m.score_sum / m.score_count), 2)
  from public.score_means m
  join (select distinct round_id, unit_id from pg_temp.changed_scores) c on c.round_id = m.round_id and c.unit_id = m.unit_id
  group by m.round_id, m.unit_id;
  return null;
end;
$$;
create trigger score_entries_totals_insert after insert on public.score_entries
referencing new table as new_rows for each statement execute function private.score_totals_refresh();
create trigger score_entries_totals_update after update on public.score_entries
referencing old table as old_rows new table as new_rows for each statement execute function private.score_totals_refresh();
create trigger score_entries_totals_delete after delete on public.score_entries
referencing old table as old_rows for each statement execute function private.score_totals_refresh();

-- ---------------------------------------------------------------------------------------------
-- Publishing a standard, and the grades
-- ---------------------------------------------------------------------------------------------
create function private.level_label(p_level public.unit_kind) returns text
language sql immutable
set search_path = ''
as $$
  select case p_level when 'street' then '街道层面' when 'community' then '社区层面' when 'compound' then '小区层面'
    when 'building' then '商务楼宇层面' when 'business_district' then '商圈层面' else '社会组织层面' end
$$;

-- Publishes a draft standard: each level's sub-items must add to exactly 100 points.
create function public.publish_standard(p_version_id bigint) returns public.standard_versions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_version public.standard_versions;
  v_bad record;
begin
  select * into v_version from public.standard_versions where id = p_version_id for update;
  if v_version is null or not v_version.street_id = any (private.office_street_ids()) then
    raise exception '没有权限发布此标准' using errcode = '42501';
  end if;
  if v_version.status = 'published' then
    return v_version;
  end if;
  select l.level, coalesce(sum(s.points), 0) as total into v_bad
  from unnest(enum_range(null::public.unit_kind)) l(level)
  left join public.standard_items i on i.version_id = p_version_id and i.level = l.level
  left join public.standard_subitems s on s.item_id = i.id
  group by l.level
  having coalesce(sum(s.points), 0) <> 100
  order by l.level
  limit 1;
  if found then
    raise exception '「%」各细则分值合计 % 分，须为 100 分，不能发布', private.level_label(v_bad.level), v_bad.total
      using errcode = '23514', hint = 'points';
  end if;
  update public.standard_versions set status = 'published', published_at = now() where id = p_version_id returning * into v_version;
  return v_version;
end;
$$;

-- Why a unit is not standard, or not demonstration: each rule it misses, in order.
create function private.grade_reasons(
  p_scored boolean, p_total numeric, p_vetoed boolean, p_parts bigint, p_parts_standard bigint, p_parts_demo bigint
) returns text[]
language sql immutable
set search_path = ''
as $$
  -- One expression of codes, so the planner inlines it; the numbers are the row's own columns.
  select array_remove(array[
    case when not p_scored then 'notScored' end,
    case when p_scored and p_total < 75 then 'below75' end,
    case when p_parts is not null and p_parts_standard < p_parts then 'partsNotStandard' end,
    case when p_scored and p_total >= 75 and p_total < 90 then 'below90' end,
    case when p_vetoed then 'veto' end,
    case when p_parts is not null and p_parts > 0 and p_parts_demo < 0.3 * p_parts then 'demoShareBelow30' end
  ], null)
$$;

-- A new draft for another year, copied from a version (published or not): the office then edits
-- it and publishes it; rounds already scored keep theirs.
create function public.copy_standard(p_version_id bigint, p_year int) returns public.standard_versions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_source public.standard_versions;
  v_new public.standard_versions;
begin
  select * into v_source from public.standard_versions where id = p_version_id;
  if v_source is null or not v_source.street_id = any (private.office_street_ids()) then
    raise exception '没有权限复制此标准' using errcode = '42501';
  end if;
  if exists (select 1 from public.standard_versions where campaign_id = v_source.campaign_id and year = p_year) then
    raise exception '% 年的标准已存在', p_year using errcode = '23505', hint = 'year';
  end if;
  insert into public.standard_versions (campaign_id, year) values (v_source.campaign_id, p_year) returning * into v_new;
  with items as (
    insert into public.standard_items (version_id, level, number, goal)
    select v_new.id, i.level, i.number, i.goal from public.standard_items i where i.version_id = p_version_id
    returning id, number
  )
  insert into public.standard_subitems (item_id, sort, content, points)
  select items.id, s.sort, s.content, s.points
  from items join public.standard_items si on si.version_id = p_version_id and si.number = items.number
  join public.standard_subitems s on s.item_id = si.id;
  insert into public.standard_vetoes (version_id, level, content)
  select v_new.id, v.level, v.content from public.standard_vetoes v where v.version_id = p_version_id;
  return v_new;
end;
$$;

-- The grades of every unit of a round's street, with why a unit did not make a grade. One
-- statement over the whole street: reviewers' mean per sub-item, totals, vetoes, then the
-- cascades from compounds up to the street.
create function private.round_grades(p_round_id bigint)
returns table (
  unit_id bigint, kind public.unit_kind, street_id bigint, community_id bigint, total numeric, standard boolean, demonstration boolean,
  parts bigint, parts_standard bigint, parts_demo bigint, reasons text[]
)
language sql stable
set search_path = ''
as $$
  with the_round as (
    select r.id, r.street_id, r.version_id from public.score_rounds r where r.id = p_round_id
  ),
  graded as (
    select u.id, u.kind, u.street_id, u.community_id
    from public.units u, the_round
    where u.street_id = the_round.street_id
  ),
  vetoed as (
    select distinct v.unit_id from public.veto_findings v where v.round_id = p_round_id and v.found
  ),
  own as (
    select g.id, g.kind, g.street_id, g.community_id,
           coalesce(t.total, 0) as total, t.total is not null as scored,
           coalesce(t.total, 0) >= 75 as own_standard, v.unit_id is not null as vetoed
    from graded g
    left join public.unit_totals t on t.round_id = p_round_id and t.unit_id = g.id
    left join vetoed v on v.unit_id = g.id
  ),
  leaves as (
    select o.*, o.own_standard as standard, o.own_standard and o.total >= 90 and not o.vetoed as demonstration
    from own o where o.kind not in ('community', 'street')
  ),
  compounds_of as (
    select l.community_id, count(*) as n, count(*) filter (where l.standard) as n_standard, count(*) filter (where l.demonstration) as n_demo
    from leaves l where l.kind = 'compound' and l.community_id is not null group by l.community_id
  ),
  communities as (
    select o.*,
           o.own_standard and coalesce(c.n_standard = c.n, true) as standard,
           c.n, c.n_standard, c.n_demo
    from own o left join compounds_of c on c.community_id = o.id
    where o.kind = 'community'
  ),
  communities_graded as (
    select c.*, c.standard and c.total >= 90 and not c.vetoed and coalesce(c.n_demo >= 0.3 * c.n, true) as demonstration
    from communities c
  ),
  street_parts as (
    select count(*) as n, count(*) filter (where p.standard) as n_standard, count(*) filter (where p.demonstration) as n_demo
    from (
      select standard, demonstration from communities_graded
      union all
      select standard, demonstration from leaves where kind in ('compound', 'building', 'business_district')
    ) p
  ),
  street as (
    select o.*, o.own_standard and sp.n_standard = sp.n as standard, sp.n, sp.n_standard, sp.n_demo
    from own o, street_parts sp where o.kind = 'street'
  )
  select l.id, l.kind, l.street_id, l.community_id, l.total, l.standard, l.demonstration, null::bigint, null::bigint, null::bigint,
         private.grade_reasons(l.scored, l.total, l.vetoed, null::bigint, null::bigint, null::bigint)
  from leaves l
  union all
  select c.id, c.kind, c.street_id, c.community_id, c.total, c.standard, c.demonstration, c.n, c.n_standard, c.n_demo,
         private.grade_reasons(c.scored, c.total, c.vetoed, c.n, c.n_standard, c.n_demo)
  from communities_graded c
  union all
  select s.id, s.kind, s.street_id, s.community_id, s.total, s.standard,
         s.standard and s.total >= 90 and not s.vetoed and s.n_demo >= 0.3 * s.n, s.n, s.n_standard, s.n_demo,
         private.grade_reasons(s.scored, s.total, s.vetoed, s.n, s.n_standard, s.n_demo)
  from street s
$$;

-- Recomputes and stores a round's grades; the street's office and reviewers may.
create function public.recompute_grades(p_round_id bigint) returns int
language plpgsql security definer
set search_path = ''
as $$
declare
  v_street bigint;
  v_count int;
begin
  select r.street_id into v_street from public.score_rounds r where r.id = p_round_id;
  -- The street's office and reviewers (the street among the caller's writer scopes).
  if v_street is null or not v_street = any (private.writer_scope_ids()) then
    raise exception '没有权限计算此轮的等级' using errcode = '42501';
  end if;
  -- Only what changed is written: a recompute after a few new scores touches a few rows.
  with fresh as materialized (select * from private.round_grades(p_round_id)),
  gone as (
    delete from public.unit_grades ug where ug.round_id = p_round_id and not exists (select 1 from fresh f where f.unit_id = ug.unit_id)
  )
  insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration, parts, parts_standard, parts_demo, reasons)
  select p_round_id, f.unit_id, f.kind, f.street_id, f.community_id, f.total, f.standard, f.demonstration, f.parts, f.parts_standard, f.parts_demo, f.reasons
  from fresh f
  on conflict (round_id, unit_id) do update
  set kind = excluded.kind, street_id = excluded.street_id, community_id = excluded.community_id, total = excluded.total,
      standard = excluded.standard, demonstration = excluded.demonstration, parts = excluded.parts,
      parts_standard = excluded.parts_standard, parts_demo = excluded.parts_demo, reasons = excluded.reasons, computed_at = now()
  where (unit_grades.community_id, unit_grades.total, unit_grades.standard, unit_grades.demonstration,
         unit_grades.parts, unit_grades.parts_standard, unit_grades.parts_demo, unit_grades.reasons)
    is distinct from (excluded.community_id, excluded.total, excluded.standard, excluded.demonstration,
         excluded.parts, excluded.parts_standard, excluded.parts_demo, excluded.reasons);
  select count(*) into v_count from public.unit_grades where round_id = p_round_id;
  return v_count;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Privileges and policies
-- ---------------------------------------------------------------------------------------------
alter table public.standard_versions enable row level security;
alter table public.standard_items enable row level security;
alter table public.standard_subitems enable row level security;
alter table public.standard_vetoes enable row level security;
alter table public.score_rounds enable row level security;
alter table public.score_entries enable row level security;
alter table public.veto_findings enable row level security;
alter table public.unit_grades enable row level security;
alter table public.score_means enable row level security;
alter table public.unit_totals enable row level security;

revoke all on public.standard_versions, public.standard_items, public.standard_subitems, public.standard_vetoes,
  public.score_rounds, public.score_entries, public.veto_findings, public.unit_grades from anon, authenticated;
grant select, insert, delete on public.standard_versions to authenticated;
grant update (year) on public.standard_versions to authenticated;
grant select, insert, update, delete on public.standard_items, public.standard_subitems, public.standard_vetoes to authenticated;
grant select, insert on public.score_rounds to authenticated;
grant select, insert, delete on public.score_entries, public.veto_findings to authenticated;
grant update (score, note) on public.score_entries to authenticated;
grant update (found, note) on public.veto_findings to authenticated;
grant select on public.unit_grades to authenticated;
grant all on public.standard_versions, public.standard_items, public.standard_subitems, public.standard_vetoes,
  public.score_rounds, public.score_entries, public.veto_findings, public.unit_grades to service_role;

-- The standard and its rounds: street configuration (members read, the office writes).
call private.street_config_policies('public.standard_versions');
call private.street_config_policies('public.standard_items');
call private.street_config_policies('public.standard_subitems');
call private.street_config_policies('public.standard_vetoes');
call private.street_config_policies('public.score_rounds');

-- Scores and veto findings: read by scope like the units; a unit's filer writes its self scores,
-- the street's reviewers and office write reviewer scores, each only their own entries.
create policy score_entries_select on public.score_entries for select to authenticated
using (street_id = any ((select private.scope_unit_ids())::bigint[]) or community_id = any ((select private.scope_unit_ids())::bigint[]));
create policy score_entries_insert on public.score_entries for insert to authenticated
with check (
  scorer_id = (select auth.uid())
  and (
    (scorer_role = 'self' and community_id = any ((select private.writer_scope_ids())::bigint[]))
    or (scorer_role = 'reviewer' and street_id = any ((select private.writer_scope_ids())::bigint[]))
  )
);
create policy score_entries_update on public.score_entries for update to authenticated
using (scorer_id = (select auth.uid()))
with check (scorer_id = (select auth.uid()));
create policy score_entries_delete on public.score_entries for delete to authenticated
using (scorer_id = (select auth.uid()));

create policy veto_findings_select on public.veto_findings for select to authenticated
using (street_id = any ((select private.scope_unit_ids())::bigint[]) or community_id = any ((select private.scope_unit_ids())::bigint[]));
create policy veto_findings_write on public.veto_findings for all to authenticated
using (street_id = any ((select private.writer_scope_ids())::bigint[]))
with check (street_id = any ((select private.writer_scope_ids())::bigint[]));

create policy unit_grades_select on public.unit_grades for select to authenticated
using (street_id = any ((select private.scope_unit_ids())::bigint[]) or community_id = any ((select private.scope_unit_ids())::bigint[]));

-- The running means and totals are the engine's own: read through unit_grades.
revoke all on public.score_means, public.unit_totals from anon, authenticated;
grant select on public.score_means, public.unit_totals to service_role;

revoke all on function private.round_phase(public.round_kind), private.round_label(public.round_kind), private.score_rounds_gate(),
  private.score_totals_refresh(), private.standard_scope(), private.standard_frozen(), private.standard_versions_guard(),
  private.score_entries_check(), private.veto_findings_scope(), private.level_label(public.unit_kind),
  private.round_grades(bigint), private.grade_reasons(boolean, numeric, boolean, bigint, bigint, bigint)
  from public, anon, authenticated;
revoke all on function public.publish_standard(bigint), public.copy_standard(bigint, int), public.recompute_grades(bigint) from public, anon;
grant execute on function public.publish_standard(bigint), public.copy_standard(bigint, int), public.recompute_grades(bigint) to authenticated;
