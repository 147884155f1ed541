-- 评分通报: the street office publishes a round's results. Publishing recomputes the round's grades
-- one last time (as recompute_grades() does) and stamps score_rounds.published_at; from then on the
-- round is closed: its scores cannot be written (private.score_entries_check() already refuses an
-- insert or update), nor deleted, and its veto findings cannot change, so the published grades
-- stay what was published.

-- Publishes a round's results; the office of the round's street only. Publishing a published
-- round again changes nothing and returns it as it is.
create function public.publish_round(p_round_id bigint) returns public.score_rounds
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
  -- The grades as the scores stand now (it checks the caller too: the office may).
  perform public.recompute_grades(p_round_id);
  update public.score_rounds set published_at = now() where id = p_round_id returning * into v_round;
  return v_round;
end;
$$;

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
revoke all on function public.publish_round(bigint) from public, anon;
grant execute on function public.publish_round(bigint) to authenticated;
