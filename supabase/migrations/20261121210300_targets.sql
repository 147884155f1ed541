-- The campaign's targets (行动目标, section 二 of the plan): dated milestones, each a count or a
-- share of one kind of unit at one grade ("by June: 6 demonstration communities", "every
-- compound standard"), set by the street office; and the progress against them, measured from
-- the grades the rounds computed (unit_grades), never typed in.
--
-- A unit's grade is its latest: the unit_grades row of the campaign's most recent round
-- (score_rounds.created_at, then id) that scored the unit. A round in which the unit was not
-- scored at all (reason notScored) does not undo an earlier grade: a pre-acceptance that scores
-- the demonstration candidates only leaves the other units as the self-check graded them.
-- Demonstration counts as standard too.

create table public.campaign_targets (
  id bigint generated always as identity primary key,
  campaign_id bigint not null references public.campaigns on delete cascade,
  -- the campaign's street, whatever the client sent (trigger below)
  street_id bigint not null,
  due_on date not null,
  unit_kind public.unit_kind not null,
  grade text not null constraint campaign_targets_grade_check check (grade in ('standard', 'demonstration')),
  -- how many units, or what share of the street's units of the kind (1 = 100%): exactly one
  count int constraint campaign_targets_count_check check (count between 1 and 100000),
  share numeric(5, 4) constraint campaign_targets_share_check check (share > 0 and share <= 1),
  note text constraint campaign_targets_note_check check (char_length(note) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaign_targets_amount_check check ((count is null) <> (share is null)),
  -- one target a milestone for each kind and grade
  constraint campaign_targets_unique unique (campaign_id, due_on, unit_kind, grade)
);
comment on table public.campaign_targets is '行动目标：某日期前某类单位达到某等级的数量或比例';
create index campaign_targets_street_id_idx on public.campaign_targets (street_id, id);

-- The campaign's street rides along; a target does not move to another campaign. SECURITY
-- DEFINER so the campaign is read whatever the caller sees: a write into another street's
-- campaign then fails row-level security (42501), not the not-null street_id.
create function private.campaign_targets_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if new.campaign_id <> old.campaign_id then
      raise exception '目标不能改属其他行动' using errcode = '42501';
    end if;
    new.updated_at := now();
  end if;
  select c.street_id into new.street_id from public.campaigns c where c.id = new.campaign_id;
  return new;
end;
$$;
create trigger campaign_targets_before_write before insert or update on public.campaign_targets
for each row execute function private.campaign_targets_before_write();

-- ---------------------------------------------------------------------------------------------
-- Progress. SECURITY INVOKER: the caller's row-level security applies to the targets, units and
-- grades read, so a street's members see their street's numbers and nobody else's.
-- ---------------------------------------------------------------------------------------------

-- Every unit of the campaign's street of the given kinds, with its latest grade (see the top;
-- null columns: never scored in this campaign). One pass over the street's grades.
create function private.campaign_unit_grades(p_campaign_id bigint, p_kinds public.unit_kind[])
returns table (
  unit_id bigint, kind public.unit_kind, name text, community_id bigint, round_id bigint,
  total numeric, standard boolean, demonstration boolean, reasons text[]
)
language sql stable
set search_path = ''
as $$
  with campaign as (
    select c.id, c.street_id from public.campaigns c where c.id = p_campaign_id
  ),
  latest as (
    select distinct on (g.unit_id) g.unit_id, g.round_id, g.total, g.standard, g.demonstration, g.reasons
    from campaign c
    join public.score_rounds r on r.campaign_id = c.id
    join public.unit_grades g on g.street_id = c.street_id and g.round_id = r.id
    where g.kind = any (p_kinds) and not ('notScored' = any (g.reasons))
    order by g.unit_id, r.created_at desc, r.id desc
  )
  select u.id, u.kind, u.name, u.community_id, l.round_id, l.total, l.standard, l.demonstration, l.reasons
  from campaign c
  join public.units u on u.street_id = c.street_id and u.kind = any (p_kinds)
  left join latest l on l.unit_id = u.id
$$;

-- Each target of a campaign against today's grades: how many units of its kind are at its grade
-- (measured), how many units of the kind the street has (total), how many the target asks for
-- (required: the count, or the share of the total rounded up) and whether it is met.
create function public.target_progress(p_campaign_id bigint)
returns table (
  id bigint, campaign_id bigint, street_id bigint, due_on date, unit_kind public.unit_kind, grade text,
  count int, share numeric, note text, measured int, total int, required int, met boolean
)
language sql stable security invoker
set search_path = ''
as $$
  with targets as (
    select t.* from public.campaign_targets t where t.campaign_id = p_campaign_id
  ),
  per_kind as (
    select g.kind, count(*)::int as total,
           (count(*) filter (where g.standard or g.demonstration))::int as n_standard,
           (count(*) filter (where g.demonstration))::int as n_demo
    from private.campaign_unit_grades(p_campaign_id, (select array_agg(distinct t.unit_kind) from targets t)) g
    group by g.kind
  ),
  measured as (
    select t.*, coalesce(k.total, 0) as total,
           case when t.grade = 'demonstration' then coalesce(k.n_demo, 0) else coalesce(k.n_standard, 0) end as measured,
           coalesce(t.count, ceil(t.share * coalesce(k.total, 0))::int) as required
    from targets t left join per_kind k on k.kind = t.unit_kind
  )
  select m.id, m.campaign_id, m.street_id, m.due_on, m.unit_kind, m.grade, m.count, m.share, m.note,
         m.measured, m.total, m.required, m.measured >= m.required
  from measured m
  order by m.due_on, m.unit_kind, m.grade = 'demonstration', m.id
$$;

-- The units behind a target's number: every unit of its kind in the street with its latest grade,
-- counted or not (filter counted=eq.true for the units counted, false for those not yet there),
-- the counted first, best score first.
create function public.target_units(p_target_id bigint)
returns table (
  unit_id bigint, name text, community_id bigint, community_name text, total numeric, standard boolean,
  demonstration boolean, reasons text[], round_id bigint, round_kind public.round_kind, round_year int, counted boolean
)
language sql stable security invoker
set search_path = ''
as $$
  select g.unit_id, g.name, g.community_id, cu.name, g.total, coalesce(g.standard, false), coalesce(g.demonstration, false),
         coalesce(g.reasons, '{notScored}'), g.round_id, r.kind, r.year,
         coalesce(case when t.grade = 'demonstration' then g.demonstration else g.standard or g.demonstration end, false)
  from public.campaign_targets t
  cross join lateral private.campaign_unit_grades(t.campaign_id, array[t.unit_kind]) g
  left join public.units cu on cu.id = g.community_id and g.community_id <> g.unit_id
  left join public.score_rounds r on r.id = g.round_id
  where t.id = p_target_id
  order by 12 desc, g.total desc nulls last, g.name, g.unit_id
$$;

-- ---------------------------------------------------------------------------------------------
-- Privileges and policies: the street's members read, its office writes.
-- ---------------------------------------------------------------------------------------------
alter table public.campaign_targets enable row level security;

revoke all on public.campaign_targets from anon, authenticated;
grant select, delete on public.campaign_targets to authenticated;
-- street_id may be sent; the trigger overwrites it with the campaign's.
grant insert (campaign_id, street_id, due_on, unit_kind, grade, count, share, note) on public.campaign_targets to authenticated;
grant update (due_on, unit_kind, grade, count, share, note) on public.campaign_targets to authenticated;
grant all on public.campaign_targets to service_role;

call private.street_config_policies('public.campaign_targets');

revoke all on function private.campaign_targets_before_write() from public, anon, authenticated;
revoke all on function private.campaign_unit_grades(bigint, public.unit_kind[]) from public, anon;
grant execute on function private.campaign_unit_grades(bigint, public.unit_kind[]) to authenticated;
revoke all on function public.target_progress(bigint), public.target_units(bigint) from public, anon;
grant execute on function public.target_progress(bigint), public.target_units(bigint) to authenticated, service_role;
