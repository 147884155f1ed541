-- 择优推选 (the plan, section 四(四) 全面验收): at the full acceptance a street recommends units
-- graded demonstration to the city's and county's acceptance assessment; every member of the
-- street and the street's district office read the list, the street office writes it.
--
-- The table has rules of its own (the round is the server's, the unit must be eligible in it),
-- so it is not a declared table (private.plugin_tables): its trigger, policies and grants are
-- here, and the RLS and write matrices model it by hand.
create table public.acceptance_recommendations (
  id bigint generated always as identity primary key,
  unit_id bigint not null references public.units (id) on delete restrict,
  -- The unit's, derived by the trigger below.
  street_id bigint not null references public.units (id) on delete restrict,
  community_id bigint references public.units (id) on delete restrict,
  -- The round the grade comes from: the street's latest published full acceptance, set here.
  round_id bigint not null references public.score_rounds (id) on delete restrict,
  -- The unit as it stood when recommended, as the list goes on to the city and county: its name,
  -- kind, community and total in the round. Every member of the street reads the whole list (a
  -- filer, who reads only its own community's units and grades, too). Set here.
  unit_name text not null,
  unit_kind public.unit_kind not null,
  community_name text,
  total numeric(6, 2) not null,
  reason text not null
    constraint acceptance_recommendations_reason_check check (length(btrim(reason)) >= 2 and length(reason) <= 500),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint acceptance_recommendations_round_unit_key unique (round_id, unit_id)
);
comment on table public.acceptance_recommendations is '择优推选：街道推荐接受市县级验收评估的示范型单位';
create index acceptance_recommendations_street_id_id_idx on public.acceptance_recommendations (street_id, id);
create index acceptance_recommendations_community_id_id_idx on public.acceptance_recommendations (community_id, id);
create index acceptance_recommendations_unit_id_idx on public.acceptance_recommendations (unit_id);

-- The reason, in words, on its field (the check constraint says the same in English).
create function private.acceptance_recommendations_check_reason(p_reason text) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
  if p_reason is null or length(btrim(p_reason)) < 2 then
    raise exception '请填写推选理由（至少 2 个字）' using errcode = '23514', hint = 'reason';
  end if;
  if length(p_reason) > 500 then
    raise exception '推选理由不能超过 500 字' using errcode = '23514', hint = 'reason';
  end if;
end;
$$;
revoke all on function private.acceptance_recommendations_check_reason(text) from public, anon, authenticated;

-- Every write, in one trigger so the order is this one: the unit must be in the caller's office
-- street before anything about it (its grade, an earlier recommendation) is told, and it is
-- refused as row-level security refuses (42501), whether or not it exists. Then the scope follows
-- the unit, the reason is checked, the round is the street's latest published full acceptance,
-- the unit must be graded demonstration in it, and once per round. The unit's name, kind,
-- community and total, the recorder and the time are the server's. The seed and the service role write without a caller's scope
-- (private.api_caller()).
create function private.acceptance_recommendations_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_unit public.units;
  v_round bigint;
  v_total numeric;
begin
  if tg_op = 'UPDATE' and new.unit_id = old.unit_id then
    -- Only the reason changes (the API's column grants say so too).
    perform private.acceptance_recommendations_check_reason(new.reason);
    new.street_id := old.street_id;
    new.community_id := old.community_id;
    new.unit_name := old.unit_name;
    new.unit_kind := old.unit_kind;
    new.community_name := old.community_name;
    new.total := old.total;
    if private.api_caller() then
      new.round_id := old.round_id;
      new.created_by := old.created_by;
      new.created_at := old.created_at;
    end if;
  else
    select * into v_unit from public.units where id = new.unit_id;
    perform private.require_scope('acceptance_recommendations',
      v_unit.id is not null and v_unit.street_id = any (private.office_street_ids()));
    if v_unit.id is null then
      raise exception '单位不存在' using errcode = '23503', hint = 'unit_id';
    end if;
    new.street_id := v_unit.street_id;
    new.community_id := v_unit.community_id;
    perform private.acceptance_recommendations_check_reason(new.reason);

    select r.id into v_round
    from public.score_rounds r
    where r.street_id = v_unit.street_id and r.kind = 'full_acceptance' and r.published_at is not null
    order by r.year desc, r.published_at desc, r.id desc
    limit 1;
    if v_round is null then
      raise exception '全面验收结果通报后才能推选单位' using errcode = '23514', hint = 'unit_id';
    end if;
    select g.total into v_total from public.unit_grades g where g.round_id = v_round and g.unit_id = v_unit.id and g.demonstration;
    if not found then
      raise exception '只能推选在全面验收中评为示范型的单位' using errcode = '23514', hint = 'unit_id';
    end if;
    if exists (
      select 1 from public.acceptance_recommendations a
      where a.round_id = v_round and a.unit_id = v_unit.id and (tg_op = 'INSERT' or a.id <> new.id)
    ) then
      raise exception '该单位已推选，不能重复推选' using errcode = '23505', hint = 'unit_id';
    end if;
    new.round_id := v_round;
    new.unit_name := v_unit.name;
    new.unit_kind := v_unit.kind;
    new.community_name := (select c.name from public.units c where c.id = v_unit.community_id);
    new.total := v_total;
    if private.api_caller() then
      new.created_by := auth.uid();
      new.created_at := now();
    elsif tg_op = 'INSERT' then
      new.created_by := coalesce(new.created_by, auth.uid());
      new.created_at := coalesce(new.created_at, now());
    end if;
  end if;

  return new;
end;
$$;
revoke all on function private.acceptance_recommendations_before_write() from public, anon, authenticated;

create trigger acceptance_recommendations_before_write
before insert or update on public.acceptance_recommendations
for each row execute function private.acceptance_recommendations_before_write();

-- Read: every member of the street, and the district office over it (member_street_ids counts a
-- district's streets). Write: the street office, in its street; a district office writes nothing.
alter table public.acceptance_recommendations enable row level security;
create policy acceptance_recommendations_select on public.acceptance_recommendations for select to authenticated
using (street_id = any ((select private.member_street_ids())::bigint[]));
create policy acceptance_recommendations_insert on public.acceptance_recommendations for insert to authenticated
with check (street_id = any ((select private.office_street_ids())::bigint[]));
create policy acceptance_recommendations_update on public.acceptance_recommendations for update to authenticated
using (street_id = any ((select private.office_street_ids())::bigint[]))
with check (street_id = any ((select private.office_street_ids())::bigint[]));
create policy acceptance_recommendations_delete on public.acceptance_recommendations for delete to authenticated
using (street_id = any ((select private.office_street_ids())::bigint[]));

-- The API writes the unit and the reason; the id, the scope, the round, the recorder and the
-- time are never a client's. A recommendation is withdrawn by deleting it.
revoke all on public.acceptance_recommendations from anon, authenticated;
grant select, delete on public.acceptance_recommendations to authenticated;
grant insert (unit_id, reason), update (reason) on public.acceptance_recommendations to authenticated;
grant all on public.acceptance_recommendations to service_role;
