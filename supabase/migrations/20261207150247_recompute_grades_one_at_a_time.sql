-- A round's grades are recomputed one call at a time. Two at once (two reviewers saving together,
-- or one moving from field to field) each computed from what was committed when it began, and the
-- one that began first could write its grades over the later one's after it — a grade without the
-- last score, kept until the next recompute. Now the second waits for the first to commit, and
-- its statements (read committed) then see every score saved before. The body is
-- 20261121210200_standard_and_grades.sql's, with the lock.
create or replace function public.recompute_grades(p_round_id bigint) returns int
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
  -- (per round: the key is the round, under a class of its own)
  perform pg_advisory_xact_lock(hashtext('public.recompute_grades'), p_round_id::int);
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
