-- Write paths: what an API caller may write is decided here, before any fact about the row is
-- read or reported.
--
-- 1. Server-set columns. Ids, actors (*_by, scorer), statuses and timestamps owned by a function
--    are not granted for insert or update: column grants, not trust.
-- 2. Scope on every write. Every reference into a scope (round, campaign, standard version, unit,
--    task) must lie in the same street (and community) as the row, and in the caller's writable
--    scope. The definer triggers check this first, so an out-of-scope id is answered exactly as a
--    missing one (42501, the words row-level security uses) and nothing about the row leaks.
-- 3. Identity. Memberships are no longer inserted by the office: an invitation waits until the
--    invitee, signed in, accepts it; a known and an unknown address get the same answer.
-- 4. Requests. A banned user's token is refused by PostgREST, and planner row estimates (which
--    count rows outside the caller's scope) are not handed out.

-- ---------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------

-- Whether the statement comes from the API as a signed-in user or anon. The seed, migrations and
-- service_role write history and maintenance as themselves, and are not scope-checked.
create function private.api_caller() returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(auth.role(), '') in ('authenticated', 'anon')
$$;

-- Refuses a write the way row-level security does, whatever the row: the caller learns no more
-- than that it may not write it.
create function private.require_scope(p_table text, p_allowed boolean) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if private.api_caller() and not coalesce(p_allowed, false) then
    raise exception 'new row violates row-level security policy for table "%"', p_table using errcode = '42501';
  end if;
end;
$$;

revoke all on function private.api_caller(), private.require_scope(text, boolean) from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- 1. Column grants
-- ---------------------------------------------------------------------------------------------

-- Units: the database picks the id, so no client takes an id that was someone else's (and with
-- it, files left under that id). Scope columns may be sent, here and below: the triggers
-- overwrite them with the parent's.
revoke insert on public.units from authenticated;
grant insert (kind, name, parent_id, address, street_id, community_id) on public.units to authenticated;

-- Memberships come from accepted invitations only (accept_invitation); the office still revokes.
revoke insert on public.memberships from authenticated;

-- A street's configuration. campaign_phases and street_seals are upserted by the screens, and an
-- upsert sets every column it sends, key included: the triggers refuse a key that changes.
revoke insert, update on public.campaign_phases, public.campaign_leaders, public.campaign_member_offices, public.street_seals
  from authenticated;
grant insert (campaign_id, phase, street_id, starts_on, ends_on), update (campaign_id, phase, starts_on, ends_on)
  on public.campaign_phases to authenticated;
grant insert (campaign_id, street_id, position, person_name, title, sort), update (position, person_name, title, sort)
  on public.campaign_leaders to authenticated;
grant insert (campaign_id, street_id, name), update (name) on public.campaign_member_offices to authenticated;
grant insert (street_id, image), update (street_id, image) on public.street_seals to authenticated;

-- The standard: status and published_at belong to publish_standard; version and street ride
-- along from the parent.
revoke insert on public.standard_versions from authenticated;
grant insert (campaign_id, year) on public.standard_versions to authenticated;
revoke insert, update on public.standard_items, public.standard_subitems, public.standard_vetoes from authenticated;
grant insert (version_id, level, number, goal), update (level, number, goal) on public.standard_items to authenticated;
grant insert (item_id, sort, content, points), update (sort, content, points) on public.standard_subitems to authenticated;
grant insert (version_id, level, content), update (level, content) on public.standard_vetoes to authenticated;

-- Rounds: published_at belongs to publish_round.
revoke insert on public.score_rounds from authenticated;
grant insert (campaign_id, kind, year, version_id) on public.score_rounds to authenticated;

-- Scores and veto findings: the scorer and the finder are the caller. veto_findings is upserted
-- on its key (round, unit, veto), so the key columns are updatable; the trigger refuses a change.
revoke insert on public.score_entries, public.veto_findings from authenticated;
grant insert (round_id, unit_id, subitem_id, scorer_role, score, note) on public.score_entries to authenticated;
grant insert (round_id, unit_id, veto_id, found, note) on public.veto_findings to authenticated;
revoke update on public.veto_findings from authenticated;
grant update (round_id, unit_id, veto_id, found, note) on public.veto_findings to authenticated;

-- ---------------------------------------------------------------------------------------------
-- 2. Scope before facts
-- ---------------------------------------------------------------------------------------------

-- The rules a role's unit must meet, once for memberships and invitations.
create function private.membership_rule_error(p_role public.member_role, p_kind public.unit_kind) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when p_role in ('street_office', 'reviewer') and p_kind <> 'street' then '街道党建办和评审须属于街道'
    when p_role = 'community_filer' and p_kind <> 'community' then '社区填报员须属于社区'
    when p_role = 'viewer' and p_kind not in ('street', 'community') then '查看者须属于街道或社区'
  end
$$;

create or replace function private.memberships_derive_scope() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  unit public.units;
  v_error text;
begin
  select * into unit from public.units where id = new.unit_id;
  if not found then
    raise exception '单位不存在' using errcode = '23503', hint = 'unit_id';
  end if;
  v_error := private.membership_rule_error(new.role, unit.kind);
  if v_error is not null then
    raise exception '%', v_error using errcode = '23514', hint = 'unit_id';
  end if;
  new.street_id := unit.street_id;
  new.community_id := unit.community_id;
  return new;
end;
$$;

-- Units: a parent outside the office's street, or missing, is refused as row-level security
-- refuses, before its kind is compared.
create or replace function private.units_derive_scope() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  parent public.units;
begin
  if new.kind = 'street' then
    if new.parent_id is not null then
      raise exception '街道不能有上级单位' using errcode = '23514', hint = 'parent_id';
    end if;
    new.street_id := new.id;
    new.community_id := null;
    return new;
  end if;

  if new.parent_id is null then
    raise exception '请选择上级单位' using errcode = '23502', hint = 'parent_id';
  end if;
  select * into parent from public.units where id = new.parent_id;
  perform private.require_scope('units', parent.street_id = any (private.office_street_ids()));
  if not found then
    raise exception '上级单位不存在' using errcode = '23503', hint = 'parent_id';
  end if;
  if new.id = parent.id or new.id in (parent.street_id, parent.community_id) then
    raise exception '不能把单位移到它自己之下' using errcode = '23514', hint = 'parent_id';
  end if;

  if new.kind = 'community' and parent.kind <> 'street' then
    raise exception '社区的上级必须是街道' using errcode = '23514', hint = 'parent_id';
  elsif new.kind = 'compound' and parent.kind <> 'community' then
    raise exception '小区的上级必须是社区' using errcode = '23514', hint = 'parent_id';
  elsif new.kind in ('building', 'business_district', 'social_org') and parent.kind not in ('street', 'community') then
    raise exception '商务楼宇、商圈、社会组织的上级必须是街道或社区' using errcode = '23514', hint = 'parent_id';
  end if;

  new.street_id := parent.street_id;
  new.community_id := case
    when new.kind = 'community' then new.id
    when parent.kind = 'community' then parent.id
  end;
  return new;
end;
$$;

-- A unit's evidence files live under its id (storage.objects, bucket evidence). Deleting the
-- unit would orphan them, and they are the record of its scoring: the office removes the files
-- first. (A moved unit keeps its id, so its evidence moves with it.)
create function private.units_keep_evidence() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from storage.objects o where o.bucket_id = 'evidence' and o.name like old.id::text || '/%') then
    raise exception '「%」已有评分佐证材料，不能删除：请先删除其佐证材料', old.name using errcode = '23503', hint = 'evidence';
  end if;
  return old;
end;
$$;
create trigger units_keep_evidence before delete on public.units
for each row execute function private.units_keep_evidence();

-- Campaign children: the campaign is read as the caller (a campaign out of scope is a missing
-- one), and a row does not move to another campaign.
create or replace function private.campaign_child_scope() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.campaign_id is distinct from old.campaign_id then
    raise exception '不能改属其他行动' using errcode = '42501';
  end if;
  select c.street_id into new.street_id from public.campaigns c where c.id = new.campaign_id;
  return new;
end;
$$;

create function private.street_seals_before_write() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if new.street_id <> old.street_id then
      raise exception '印章不能改属其他街道' using errcode = '42501';
    end if;
    new.updated_at := now();
  end if;
  return new;
end;
$$;
create trigger street_seals_before_write before insert or update on public.street_seals
for each row execute function private.street_seals_before_write();

-- The key-task list: the task's street must be the caller's office street before anything
-- about the task (its campaign's offices, its cadence, its periods) is compared.
create or replace function private.key_tasks_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select c.street_id into new.street_id from public.campaigns c where c.id = new.campaign_id;
  perform private.require_scope('key_tasks', new.street_id = any (private.office_street_ids()));
  if tg_op = 'UPDATE' then
    if new.campaign_id <> old.campaign_id then
      raise exception '重点任务不能改属其他行动' using errcode = '42501';
    end if;
    -- A recurring task's period reports are counted from its year and cadence.
    if (new.year_starts_on, new.all_year, new.cadence) is distinct from (old.year_starts_on, old.all_year, old.cadence)
       and exists (select 1 from public.key_task_reports r where r.task_id = new.id and r.period is not null) then
      raise exception '该任务已有按期填报的进展，不能再更改完成时间或填报周期' using errcode = '23514', hint = 'cadence';
    end if;
    new.updated_at := now();
  end if;
  return new;
end;
$$;

create or replace function private.key_task_leads_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_task public.key_tasks;
begin
  select * into v_task from public.key_tasks where id = new.task_id;
  perform private.require_scope('key_task_leads', v_task.street_id = any (private.office_street_ids()));
  new.street_id := v_task.street_id;
  if v_task.id is not null and not exists (
    select 1 from public.campaign_member_offices o where o.id = new.office_id and o.campaign_id = v_task.campaign_id
  ) then
    raise exception '牵头单位须是本行动的成员单位' using errcode = '23514', hint = 'office_id';
  end if;
  return new;
end;
$$;

create or replace function private.key_task_reports_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_task public.key_tasks;
  v_step int;
begin
  select * into v_task from public.key_tasks where id = new.task_id;
  perform private.require_scope('key_task_reports', v_task.street_id = any (private.office_street_ids()));
  if tg_op = 'UPDATE' and (new.task_id <> old.task_id or new.period is distinct from old.period) then
    raise exception '进展不能改到其他任务或其他一期' using errcode = '42501';
  end if;
  new.street_id := v_task.street_id;
  if v_task.id is not null and new.period is not null and tg_op = 'INSERT' then
    if v_task.cadence is null then
      raise exception '该任务不按期填报，请直接记录进展' using errcode = '23514', hint = 'period';
    end if;
    v_step := private.cadence_months(v_task.cadence);
    if extract(day from new.period) <> 1
       or new.period < v_task.year_starts_on
       or new.period >= (v_task.year_starts_on + interval '1 year')::date
       or private.months_between(v_task.year_starts_on, new.period) % v_step <> 0 then
      raise exception '填报期不在该任务的年度周期内' using errcode = '23514', hint = 'period';
    end if;
    if new.period > current_date then
      raise exception '该期尚未开始，不能提前填报' using errcode = '23514', hint = 'period';
    end if;
  end if;
  return new;
end;
$$;

create or replace function private.campaign_targets_before_write() returns trigger
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
  perform private.require_scope('campaign_targets', new.street_id = any (private.office_street_ids()));
  return new;
end;
$$;

-- The standard: a sub-item's version is its item's, read before anything else (the column is
-- not granted, and the frozen check no longer trusts it).
create or replace function private.standard_frozen() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_version bigint := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
begin
  if tg_table_name = 'standard_subitems' and tg_op <> 'DELETE' then
    select i.version_id into v_version from public.standard_items i where i.id = new.item_id;
  end if;
  if tg_op = 'UPDATE' and old.version_id <> v_version then
    raise exception '条目不能移到另一版本的标准' using errcode = '42501';
  end if;
  if exists (select 1 from public.standard_versions v where v.id = v_version and v.status = 'published')
     or (tg_op = 'UPDATE' and exists (select 1 from public.standard_versions v where v.id = old.version_id and v.status = 'published')) then
    raise exception '已发布的标准不能修改：请为新的年度建立新版本' using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

-- Rounds: the campaign must be the caller's office street's before its phase is reported.
create or replace function private.score_rounds_gate() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_street bigint;
  v_phase text;
begin
  select c.street_id, i.state into v_street, v_phase
  from public.campaigns c join public.workflow_instances i on i.id = c.instance_id
  where c.id = new.campaign_id;
  perform private.require_scope('score_rounds', v_street = any (private.office_street_ids()));
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

-- Scores: the unit, the round and the sub-item are of one street, and the caller writes there
-- (a filer its community's self scores, the street's office and reviewers reviewer scores),
-- before the sub-item's points or the round's publication are told.
create or replace function private.score_entries_check() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_unit public.units;
  v_round public.score_rounds;
  v_subitem public.standard_subitems;
begin
  select * into v_unit from public.units u where u.id = new.unit_id;
  select * into v_round from public.score_rounds r where r.id = new.round_id;
  select * into v_subitem from public.standard_subitems s where s.id = new.subitem_id;
  perform private.require_scope('score_entries',
    v_round.street_id = v_unit.street_id and v_subitem.street_id = v_unit.street_id
    and case new.scorer_role
      when 'self' then v_unit.community_id = any (private.writer_scope_ids())
      when 'reviewer' then v_unit.street_id = any (private.writer_scope_ids())
    end);
  if v_subitem.version_id is distinct from v_round.version_id then
    raise exception '该细则不属于本轮所用的标准' using errcode = '23514', hint = 'subitem_id';
  end if;
  if v_round.published_at is not null then
    raise exception '本轮结果已通报，评分不能再改' using errcode = '42501';
  end if;
  if new.score > v_subitem.points then
    raise exception '得分不能超过该细则的分值 % 分', v_subitem.points using errcode = '23514', hint = 'score';
  end if;
  new.street_id := v_unit.street_id;
  new.community_id := v_unit.community_id;
  new.updated_at := now();
  return new;
end;
$$;

-- Veto findings: one trigger, scope first, then the round's publication. The finder is the
-- caller; the key (round, unit, veto) does not change.
drop trigger veto_findings_scope on public.veto_findings;
drop trigger veto_findings_published_guard on public.veto_findings;
drop function private.veto_findings_scope();
drop function private.veto_findings_published_guard();

create function private.veto_findings_check() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_unit public.units;
  v_round public.score_rounds;
  v_veto public.standard_vetoes;
begin
  if tg_op = 'DELETE' then
    -- Row-level security already chose the rows the caller may delete.
    if exists (select 1 from public.score_rounds r where r.id = old.round_id and r.published_at is not null) then
      raise exception '本轮结果已通报，一票否决事项不能再改' using errcode = '42501';
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' and (new.round_id, new.unit_id, new.veto_id) is distinct from (old.round_id, old.unit_id, old.veto_id) then
    raise exception '否决事项不能改到其他单位、轮次或事项' using errcode = '42501';
  end if;
  select * into v_unit from public.units u where u.id = new.unit_id;
  select * into v_round from public.score_rounds r where r.id = new.round_id;
  select * into v_veto from public.standard_vetoes v where v.id = new.veto_id;
  perform private.require_scope('veto_findings',
    v_round.street_id = v_unit.street_id and v_veto.street_id = v_unit.street_id
    and v_unit.street_id = any (private.writer_scope_ids()));
  if v_veto.version_id is distinct from v_round.version_id then
    raise exception '该否决事项不属于本轮所用的标准' using errcode = '23514', hint = 'veto_id';
  end if;
  if v_round.published_at is not null then
    raise exception '本轮结果已通报，一票否决事项不能再改' using errcode = '42501';
  end if;
  new.street_id := v_unit.street_id;
  new.community_id := v_unit.community_id;
  if private.api_caller() then
    new.found_by := auth.uid();
  end if;
  return new;
end;
$$;
create trigger veto_findings_check before insert or update or delete on public.veto_findings
for each row execute function private.veto_findings_check();

revoke all on function private.membership_rule_error(public.member_role, public.unit_kind), private.units_keep_evidence(),
  private.street_seals_before_write(), private.veto_findings_check()
  from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- 3. Invitations: a role is given to an account only when the account's owner accepts it
-- ---------------------------------------------------------------------------------------------
-- The street office invites an address to a role in a unit. For an address with no account,
-- the account is made with the office's initial password (as before), but with no role yet; an
-- address that has an account keeps its own password. Either way the office sees the same
-- pending invitation until the invitee signs in and accepts (or declines) it, so the office
-- learns nothing about which addresses have accounts, and nobody is pulled into a street, or
-- into a higher role, without knowing.
create table public.member_invitations (
  id bigint generated always as identity primary key,
  email text not null,
  full_name text not null,
  unit_id bigint not null references public.units (id) on delete cascade,
  role public.member_role not null,
  street_id bigint not null,
  community_id bigint,
  invited_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  status text not null default 'pending'
    constraint member_invitations_status_check check (status in ('pending', 'accepted', 'declined', 'revoked')),
  decided_at timestamptz,
  membership_id bigint references public.memberships (id) on delete set null
);
comment on table public.member_invitations is '成员邀请：被邀请人登录后接受，才成为成员';
create unique index member_invitations_pending_key on public.member_invitations (lower(email), unit_id, role) where status = 'pending';
create index member_invitations_street_id_idx on public.member_invitations (street_id, id);
create index member_invitations_email_idx on public.member_invitations (lower(email)) where status = 'pending';

-- An invitation follows its unit when the unit moves, as memberships do.
create function private.member_invitations_derive_scope() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select u.street_id, u.community_id into new.street_id, new.community_id from public.units u where u.id = new.unit_id;
  return new;
end;
$$;
create trigger member_invitations_derive_scope before insert or update of unit_id on public.member_invitations
for each row execute function private.member_invitations_derive_scope();

create or replace function private.units_cascade_scope() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (new.street_id, new.community_id) is distinct from (old.street_id, old.community_id) then
    update public.units set parent_id = parent_id where parent_id = new.id;
    update public.memberships set unit_id = unit_id where unit_id = new.id;
    update public.member_invitations set unit_id = unit_id where unit_id = new.id;
  end if;
  return null;
end;
$$;

alter table public.member_invitations enable row level security;
revoke all on public.member_invitations from anon, authenticated;
grant select on public.member_invitations to authenticated;
grant all on public.member_invitations to service_role;
-- The street-wide roles see their street's invitations, as they see its memberships; the
-- invitee reads its own through my_invitations().
create policy member_invitations_select on public.member_invitations for select to authenticated
using (street_id = any ((select private.street_scope_ids())::bigint[]));

-- The caller's own address, as auth stores it.
create function private.my_email() returns text
language sql stable security definer
set search_path = ''
as $$
  select lower(u.email) from auth.users u where u.id = (select auth.uid())
$$;
revoke all on function private.my_email() from public, anon, authenticated;

-- Returns the invitation's id. Every input is checked before the address is looked up, and the
-- answer is the same for an address with or without an account.
create or replace function public.invite_member(
  p_email text,
  p_full_name text,
  p_password text,
  p_unit_id bigint,
  p_role public.member_role
) returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_email text := lower(btrim(coalesce(p_email, '')));
  v_unit public.units;
  v_error text;
  v_user uuid;
  v_invitation bigint;
begin
  select * into v_unit from public.units where id = p_unit_id;
  if v_unit is null or not (v_unit.street_id = any (private.office_street_ids())) then
    raise exception '只能在本街道内邀请成员' using errcode = '42501';
  end if;
  if v_email !~ '^[^\s@]+@[^\s@]+\.[^\s@]+$' then
    raise exception '邮箱格式不正确' using errcode = '22023', hint = 'email';
  end if;
  if length(btrim(coalesce(p_full_name, ''))) not between 1 and 50 then
    raise exception '请填写姓名（不超过 50 字）' using errcode = '22023', hint = 'full_name';
  end if;
  if length(coalesce(p_password, '')) < 8 then
    raise exception '初始密码至少 8 位' using errcode = '22023', hint = 'password';
  end if;
  if p_role is null then
    raise exception '请选择角色' using errcode = '22023', hint = 'role';
  end if;
  v_error := private.membership_rule_error(p_role, v_unit.kind);
  if v_error is not null then
    raise exception '%', v_error using errcode = '23514', hint = 'unit_id';
  end if;
  -- The unit's members are the office's to see already: saying so tells it nothing new.
  if exists (
    select 1 from public.memberships m join auth.users u on u.id = m.user_id
    where m.unit_id = p_unit_id and m.role = p_role and lower(u.email) = v_email
  ) then
    raise exception '该用户已是此单位的成员' using errcode = '23505', hint = 'email';
  end if;
  if exists (
    select 1 from public.member_invitations i
    where lower(i.email) = v_email and i.unit_id = p_unit_id and i.role = p_role and i.status = 'pending'
  ) then
    raise exception '已邀请该邮箱担任此角色，正等待对方接受' using errcode = '23505', hint = 'email';
  end if;

  select id into v_user from auth.users where lower(email) = v_email and deleted_at is null;
  if v_user is null then
    v_user := gen_random_uuid();
    insert into auth.users (
      instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
      confirmation_token, recovery_token, email_change_token_new, email_change
    ) values (
      '00000000-0000-0000-0000-000000000000', v_user, 'authenticated', 'authenticated', v_email,
      extensions.crypt(p_password, extensions.gen_salt('bf', 10)), now(),
      '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', btrim(p_full_name)),
      now(), now(), '', '', '', ''
    );
    insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
    values (v_user::text, v_user, jsonb_build_object('sub', v_user::text, 'email', v_email, 'email_verified', true), 'email', now(), now());
  end if;

  insert into public.member_invitations (email, full_name, unit_id, role, invited_by)
  values (v_email, btrim(p_full_name), p_unit_id, p_role, auth.uid())
  returning id into v_invitation;
  return v_invitation;
end;
$$;

-- The caller's pending invitations, with what the invitee needs to decide: the unit and its
-- street by name, the role, who invited and when.
create function public.my_invitations()
returns table (id bigint, unit_id bigint, unit_name text, street_name text, role public.member_role, invited_by_name text, created_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  select i.id, i.unit_id, u.name, s.name, i.role, p.full_name, i.created_at
  from public.member_invitations i
  join public.units u on u.id = i.unit_id
  join public.units s on s.id = i.street_id
  left join public.profiles p on p.id = i.invited_by
  where i.status = 'pending' and lower(i.email) = private.my_email()
  order by i.created_at, i.id
$$;

-- The invitee accepts: the membership is made as the office asked for it. Someone else's
-- invitation is answered as a missing one.
create function public.accept_invitation(p_invitation_id bigint) returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_invitation public.member_invitations;
  v_membership bigint;
begin
  select * into v_invitation from public.member_invitations
  where id = p_invitation_id and status = 'pending' and lower(email) = private.my_email()
  for update;
  if v_invitation is null then
    raise exception '邀请不存在或已处理' using errcode = '42501';
  end if;
  insert into public.memberships (user_id, unit_id, role, created_by)
  values ((select auth.uid()), v_invitation.unit_id, v_invitation.role, v_invitation.invited_by)
  on conflict (user_id, unit_id, role) do nothing
  returning id into v_membership;
  if v_membership is null then
    select m.id into v_membership from public.memberships m
    where m.user_id = (select auth.uid()) and m.unit_id = v_invitation.unit_id and m.role = v_invitation.role;
  end if;
  update public.member_invitations set status = 'accepted', decided_at = now(), membership_id = v_membership
  where id = p_invitation_id;
  return v_membership;
end;
$$;

create function public.decline_invitation(p_invitation_id bigint) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.member_invitations set status = 'declined', decided_at = now()
  where id = p_invitation_id and status = 'pending' and lower(email) = private.my_email();
  if not found then
    raise exception '邀请不存在或已处理' using errcode = '42501';
  end if;
end;
$$;

-- The office withdraws a pending invitation of its street.
create function public.revoke_invitation(p_invitation_id bigint) returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.member_invitations set status = 'revoked', decided_at = now()
  where id = p_invitation_id and status = 'pending' and street_id = any (private.office_street_ids());
  if not found then
    raise exception '邀请不存在或已处理' using errcode = '42501';
  end if;
end;
$$;

revoke all on function private.member_invitations_derive_scope() from public, anon, authenticated;
revoke all on function public.my_invitations(), public.accept_invitation(bigint), public.decline_invitation(bigint),
  public.revoke_invitation(bigint) from public, anon;
grant execute on function public.my_invitations(), public.accept_invitation(bigint), public.decline_invitation(bigint),
  public.revoke_invitation(bigint) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- 4. Every PostgREST request: PostgREST runs this after switching to the caller's role
-- ---------------------------------------------------------------------------------------------
-- Its own schema, which anon may use too (anon's requests run it), holding nothing else.
create schema request_gate;
revoke all on schema request_gate from public;
grant usage on schema request_gate to anon, authenticated, service_role;

create function request_gate.check_request() returns void
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_prefer text := lower(coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'prefer', ''));
begin
  if coalesce(auth.role(), '') not in ('authenticated', 'anon') then
    return;
  end if;
  -- A banned (disabled) user's token still verifies until it expires: refuse it, as GoTrue's
  -- own endpoints do.
  if auth.role() = 'authenticated'
     and exists (select 1 from auth.users u where u.id = (select auth.uid()) and u.banned_until > now()) then
    raise exception 'User is banned' using errcode = '42501', hint = 'user_banned';
  end if;
  -- The planner's estimate counts the rows of the whole table, not the caller's.
  if v_prefer ~ 'count\s*=\s*(planned|estimated)' then
    raise exception '不支持估算总数（count=planned / estimated），请使用 count=exact' using errcode = '22023', hint = 'prefer';
  end if;
end;
$$;
revoke all on function request_gate.check_request() from public;
grant execute on function request_gate.check_request() to anon, authenticated, service_role;

alter role authenticator set pgrst.db_pre_request to 'request_gate.check_request';
notify pgrst, 'reload config';
