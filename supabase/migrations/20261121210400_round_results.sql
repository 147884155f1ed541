-- 评分通报: the street office publishes a round's results. Publishing recomputes the round's grades
-- one last time (as recompute_grades() does) and stamps score_rounds.published_at; from then on the
-- round is closed: its scores cannot be written (private.score_entries_check() already refuses an
-- insert or update), nor deleted, and its veto findings cannot change, so the published grades
-- stay what was published.

-- A published round's scores are not deleted either (insert and update: score_entries_check).
create function private.score_entries_published_guard() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.score_rounds r where r.id = old.round_id and r.published_at is not null) then
    raise exception '本轮结果已通报，评分不能再改' using errcode = '42501';
  end if;
  return old;
end;
$$;
create trigger score_entries_published_guard before delete on public.score_entries
for each row execute function private.score_entries_published_guard();

-- Nor do its veto findings change: they take demonstration away.
create function private.veto_findings_published_guard() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from public.score_rounds r
    where r.published_at is not null
      and (r.id = case when tg_op = 'DELETE' then old.round_id else new.round_id end
           or (tg_op = 'UPDATE' and r.id = old.round_id))
  ) then
    raise exception '本轮结果已通报，一票否决事项不能再改' using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger veto_findings_published_guard before insert or update or delete on public.veto_findings
for each row execute function private.veto_findings_published_guard();

revoke all on function private.score_entries_published_guard(), private.veto_findings_published_guard() from public, anon, authenticated;

-- The long-term review (长效提升, section 四(五)): the grade each unit holds, earned in the
-- acceptance rounds; each year's re-evaluation (复评) promotes units that hold up (晋位提升) and
-- orders rectification with a deadline (责令整改) where a unit falls short of the grade it holds;
-- a unit that misses its deadline loses the grade. Applied when the office publishes a round.

create table public.unit_standings (
  unit_id bigint primary key references public.units on delete restrict,
  street_id bigint not null,
  community_id bigint,
  grade text not null constraint unit_standings_grade_check check (grade in ('standard', 'demonstration')),
  -- the published round that gave the unit this grade
  round_id bigint not null references public.score_rounds on delete restrict,
  updated_at timestamptz not null default now()
);
create index unit_standings_street_id_idx on public.unit_standings (street_id);
create index unit_standings_community_id_idx on public.unit_standings (community_id);

create table public.rectifications (
  id bigint generated always as identity primary key,
  unit_id bigint not null references public.units on delete restrict,
  street_id bigint not null,
  community_id bigint,
  -- the re-evaluation that found the unit short, the grade at stake, what it scored instead
  round_id bigint not null references public.score_rounds on delete restrict,
  held_grade text not null constraint rectifications_held_grade_check check (held_grade in ('standard', 'demonstration')),
  found_grade text constraint rectifications_found_grade_check check (found_grade in ('standard', 'demonstration')),
  deadline date not null,
  -- open until a later published round grades the unit at the held grade again (met), or the
  -- deadline passes (lapsed: the unit keeps only the grade it was found at)
  status text not null default 'open' constraint rectifications_status_check check (status in ('open', 'met', 'lapsed')),
  closed_round_id bigint references public.score_rounds on delete restrict,
  closed_at timestamptz,
  constraint rectifications_unique unique (unit_id, round_id)
);
create index rectifications_street_id_idx on public.rectifications (street_id, status);
create index rectifications_community_id_idx on public.rectifications (community_id);

create function private.grade_rank(p_grade text) returns int
language sql immutable
set search_path = ''
as $$
  select case p_grade when 'demonstration' then 2 when 'standard' then 1 else 0 end
$$;

-- Rectifications whose deadline has passed lapse: the unit keeps only the grade it was found at.
-- Returns how many lapsed.
create function private.lapse_rectifications(p_street_id bigint) returns int
language plpgsql security definer
set search_path = ''
as $$
declare
  v_count int;
begin
  with lapsed as (
    update public.rectifications r set status = 'lapsed', closed_at = now()
    where r.street_id = p_street_id and r.status = 'open' and r.deadline < (now() at time zone 'Asia/Shanghai')::date
    returning r.unit_id, r.found_grade
  ),
  demoted as (
    update public.unit_standings s set grade = l.found_grade, updated_at = now()
    from lapsed l where s.unit_id = l.unit_id and l.found_grade is not null
    returning s.unit_id
  ),
  withdrawn as (
    delete from public.unit_standings s using lapsed l where s.unit_id = l.unit_id and l.found_grade is null
    returning s.unit_id
  )
  select count(*) into v_count from lapsed;
  return v_count;
end;
$$;

-- What a published round does to the standings. Acceptance rounds grant grades (a unit keeps
-- the higher of what it holds and what it earned); the re-evaluation also orders rectification
-- where a unit scores below the grade it holds. Any round closes a rectification it meets.
create function private.apply_review(p_round_id bigint, p_rectify_days int) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_round public.score_rounds;
begin
  select * into v_round from public.score_rounds where id = p_round_id;
  perform private.lapse_rectifications(v_round.street_id);
  if v_round.kind = 'self_check' then
    return; -- the units' own check grants nothing
  end if;

  create temporary table if not exists pg_temp.round_outcome (unit_id bigint, street_id bigint, community_id bigint, grade text) on commit drop;
  truncate pg_temp.round_outcome;
  insert into pg_temp.round_outcome
  select g.unit_id, g.street_id, g.community_id,
         case when g.demonstration then 'demonstration' when g.standard then 'standard' end
  from public.unit_grades g
  where g.round_id = p_round_id and not ('notScored' = any (g.reasons));

  update public.rectifications r set status = 'met', closed_round_id = p_round_id, closed_at = now()
  from pg_temp.round_outcome o
  where r.unit_id = o.unit_id and r.status = 'open' and private.grade_rank(o.grade) >= private.grade_rank(r.held_grade);

  if v_round.kind = 're_evaluation' then
    insert into public.rectifications (unit_id, street_id, community_id, round_id, held_grade, found_grade, deadline)
    select o.unit_id, o.street_id, o.community_id, p_round_id, s.grade, o.grade,
           (now() at time zone 'Asia/Shanghai')::date + p_rectify_days
    from pg_temp.round_outcome o
    join public.unit_standings s on s.unit_id = o.unit_id
    where private.grade_rank(o.grade) < private.grade_rank(s.grade)
      and not exists (select 1 from public.rectifications r where r.unit_id = o.unit_id and r.status = 'open');
  end if;

  -- 晋位提升: a grade earned above the one held replaces it; a new grade is recorded.
  insert into public.unit_standings (unit_id, street_id, community_id, grade, round_id)
  select o.unit_id, o.street_id, o.community_id, o.grade, p_round_id
  from pg_temp.round_outcome o where o.grade is not null
  on conflict (unit_id) do update
  set grade = excluded.grade, round_id = excluded.round_id, street_id = excluded.street_id,
      community_id = excluded.community_id, updated_at = now()
  where private.grade_rank(excluded.grade) > private.grade_rank(unit_standings.grade);
end;
$$;

-- Publishes a round's results (the office of the round's street only): the grades as the
-- scores stand, stamped, and the long-term review applied; the office chooses the rectification
-- period. Publishing a published round again changes nothing and returns it as it is.
create function public.publish_round(p_round_id bigint, p_rectify_days int default 90) returns public.score_rounds
language plpgsql security definer
set search_path = ''
as $$
declare
  v_round public.score_rounds;
begin
  -- Locked: two publishes of one round run one after the other, the second a no-op.
  select * into v_round from public.score_rounds where id = p_round_id for update;
  if v_round is null or not v_round.street_id = any (private.office_street_ids()) then
    raise exception '没有权限发布此轮评分的通报' using errcode = '42501';
  end if;
  if v_round.published_at is not null then
    return v_round;
  end if;
  if p_rectify_days is null or p_rectify_days not between 7 and 365 then
    raise exception '整改期限须在 7 至 365 天之间' using errcode = '23514', hint = 'rectify_days';
  end if;
  perform public.recompute_grades(p_round_id);
  update public.score_rounds set published_at = now() where id = p_round_id returning * into v_round;
  perform private.apply_review(p_round_id, p_rectify_days);
  return v_round;
end;
$$;

-- The office checks deadlines whenever it looks (publishing a round checks them too); how many
-- lapsed. No scheduler is needed.
create function public.apply_rectification_deadlines(p_street_id bigint) returns int
language plpgsql security definer
set search_path = ''
as $$
begin
  if not p_street_id = any (private.office_street_ids()) then
    raise exception '没有权限' using errcode = '42501';
  end if;
  return private.lapse_rectifications(p_street_id);
end;
$$;

alter table public.unit_standings enable row level security;
alter table public.rectifications enable row level security;
revoke all on public.unit_standings, public.rectifications from anon, authenticated;
grant select on public.unit_standings, public.rectifications to authenticated;
grant all on public.unit_standings, public.rectifications to service_role;
create policy unit_standings_select on public.unit_standings for select to authenticated
using (street_id = any ((select private.scope_unit_ids())::bigint[]) or community_id = any ((select private.scope_unit_ids())::bigint[]));
create policy rectifications_select on public.rectifications for select to authenticated
using (street_id = any ((select private.scope_unit_ids())::bigint[]) or community_id = any ((select private.scope_unit_ids())::bigint[]));

revoke all on function private.grade_rank(text), private.lapse_rectifications(bigint), private.apply_review(bigint, int)
  from public, anon, authenticated;
revoke all on function public.publish_round(bigint, int), public.apply_rectification_deadlines(bigint) from public, anon;
grant execute on function public.publish_round(bigint, int), public.apply_rectification_deadlines(bigint) to authenticated;
