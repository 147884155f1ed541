-- The campaign a street runs (全域提升行动): its years, its five phases and their dates, the
-- filing window for applications, its leadership group (attachment 1) and the street's seal.
-- Which phase it is in is the state of its `campaign` workflow instance (workflows/campaign/),
-- advanced by the street office through fire_event; the rows here are its configuration.

create type public.campaign_phase as enum ('plan', 'pilot', 'rollout', 'acceptance', 'longterm');
create type public.leader_position as enum ('leader', 'deputy', 'member', 'office_director', 'office_deputy');

create table public.campaigns (
  id bigint generated always as identity primary key,
  street_id bigint not null references public.units on delete restrict,
  name text not null constraint campaigns_name_check check (char_length(btrim(name)) between 1 and 100),
  start_year int not null constraint campaigns_start_year_check check (start_year between 2000 and 2100),
  end_year int not null,
  filing_opens_on date not null,
  filing_closes_on date not null,
  -- the campaign workflow's instance: its state is the current phase
  instance_id bigint unique references public.workflow_instances on delete restrict,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaigns_years_check check (end_year between start_year and start_year + 10),
  constraint campaigns_filing_window_check check (filing_closes_on >= filing_opens_on)
);
create index campaigns_street_id_idx on public.campaigns (street_id, start_year desc);

create table public.campaign_phases (
  campaign_id bigint not null references public.campaigns on delete cascade,
  phase public.campaign_phase not null,
  street_id bigint not null,
  starts_on date not null,
  -- null: open-ended (the long-term review has no end)
  ends_on date,
  primary key (campaign_id, phase),
  constraint campaign_phases_dates_check check (ends_on is null or ends_on >= starts_on)
);
create index campaign_phases_street_id_idx on public.campaign_phases (street_id);

create table public.campaign_leaders (
  id bigint generated always as identity primary key,
  campaign_id bigint not null references public.campaigns on delete cascade,
  street_id bigint not null,
  position public.leader_position not null,
  person_name text not null constraint campaign_leaders_name_check check (char_length(btrim(person_name)) between 1 and 50),
  -- the office or post the person holds (党委书记, 办事处主任, ...)
  title text constraint campaign_leaders_title_check check (char_length(title) <= 100),
  sort int not null default 0
);
create index campaign_leaders_campaign_idx on public.campaign_leaders (campaign_id, position, sort);
create index campaign_leaders_street_id_idx on public.campaign_leaders (street_id);

-- 成员单位: the offices that lead the key tasks.
create table public.campaign_member_offices (
  id bigint generated always as identity primary key,
  campaign_id bigint not null references public.campaigns on delete cascade,
  street_id bigint not null,
  name text not null constraint campaign_member_offices_name_check check (char_length(btrim(name)) between 1 and 50),
  constraint campaign_member_offices_unique unique (campaign_id, name)
);
create index campaign_member_offices_street_id_idx on public.campaign_member_offices (street_id);

-- The street's seal, placed on the printed 申报表 beside the street's opinion.
create table public.street_seals (
  street_id bigint primary key references public.units on delete cascade,
  -- a PNG or JPEG as a data URL; small enough to keep in the row
  image text not null constraint street_seals_image_check
    check (image ~ '^data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+$' and octet_length(image) <= 400000),
  updated_at timestamptz not null default now()
);

-- ---------------------------------------------------------------------------------------------
-- Integrity the API cannot get around
-- ---------------------------------------------------------------------------------------------

-- A campaign belongs to a street; it starts its workflow as it is created (the caller must be
-- allowed to start it: start_workflow checks the street office role in that street).
create function private.campaigns_before_insert() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not exists (select 1 from public.units u where u.id = new.street_id and u.kind = 'street') then
    raise exception '行动须属于一个街道' using errcode = '23514', hint = 'street_id';
  end if;
  -- Clients cannot name the instance (no column grant); the seed, writing history, may.
  if new.instance_id is null then
    new.instance_id := (public.start_workflow('campaign', new.street_id, '{}'::jsonb)).id;
  end if;
  return new;
end;
$$;
create trigger campaigns_before_insert before insert on public.campaigns
for each row execute function private.campaigns_before_insert();

create function private.campaigns_before_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.street_id <> old.street_id or new.instance_id is distinct from old.instance_id then
    raise exception '行动不能改属其他街道或其他流程' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger campaigns_before_update before update on public.campaigns
for each row execute function private.campaigns_before_update();

-- Child rows carry their campaign's street, whatever the client sent.
create function private.campaign_child_scope() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  select c.street_id into new.street_id from public.campaigns c where c.id = new.campaign_id;
  return new;
end;
$$;
create trigger campaign_phases_scope before insert or update on public.campaign_phases
for each row execute function private.campaign_child_scope();
create trigger campaign_leaders_scope before insert or update on public.campaign_leaders
for each row execute function private.campaign_child_scope();
create trigger campaign_member_offices_scope before insert or update on public.campaign_member_offices
for each row execute function private.campaign_child_scope();

create function private.phase_label(p_phase public.campaign_phase) returns text
language sql immutable
set search_path = ''
as $$
  select case p_phase when 'plan' then '规划部署阶段' when 'pilot' then '示范推进阶段' when 'rollout' then '全面推进阶段'
    when 'acceptance' then '全面验收阶段' else '长效提升阶段' end
$$;

-- Phases follow one another: each starts after the one before it ends.
create function private.campaign_phases_in_order() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_bad record;
begin
  select p.phase, prev.phase as previous into v_bad
  from public.campaign_phases p
  join public.campaign_phases prev on prev.campaign_id = p.campaign_id and prev.phase < p.phase
  where p.campaign_id = new.campaign_id and (prev.ends_on is null or prev.ends_on > p.starts_on)
  limit 1;
  if found then
    -- In Chinese: the admin shows our own messages as they are.
    raise exception '阶段须依次衔接：「%」须在「%」结束之后开始', private.phase_label(v_bad.phase), private.phase_label(v_bad.previous)
      using errcode = '23514', constraint = 'campaign_phases_order_check', hint = 'starts_on';
  end if;
  return null;
end;
$$;
create constraint trigger campaign_phases_in_order after insert or update on public.campaign_phases
deferrable initially deferred
for each row execute function private.campaign_phases_in_order();

-- ---------------------------------------------------------------------------------------------
-- Privileges and policies: the street's members read, its office writes.
-- ---------------------------------------------------------------------------------------------
alter table public.campaigns enable row level security;
alter table public.campaign_phases enable row level security;
alter table public.campaign_leaders enable row level security;
alter table public.campaign_member_offices enable row level security;
alter table public.street_seals enable row level security;

revoke all on public.campaigns, public.campaign_phases, public.campaign_leaders, public.campaign_member_offices, public.street_seals
  from anon, authenticated;
-- No delete: a campaign is history once its workflow has started.
grant select on public.campaigns to authenticated;
grant insert (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on) on public.campaigns to authenticated;
grant update (name, start_year, end_year, filing_opens_on, filing_closes_on) on public.campaigns to authenticated;
grant select, insert, update, delete on public.campaign_phases, public.campaign_leaders, public.campaign_member_offices, public.street_seals to authenticated;
grant all on public.campaigns, public.campaign_phases, public.campaign_leaders, public.campaign_member_offices, public.street_seals to service_role;

-- A street's configuration (its campaigns and everything they hold): the street's members read
-- it, its office writes it. Every such table, here and in later migrations, gets these two
-- policies from this procedure, so the rule is written once.
create procedure private.street_config_policies(p_table regclass)
language plpgsql
set search_path = ''
as $$
declare
  v_name text := (select c.relname from pg_catalog.pg_class c where c.oid = p_table);
begin
  execute format(
    'create policy %I on %s for select to authenticated using (street_id = any ((select private.member_street_ids())::bigint[]))',
    v_name || '_select', p_table);
  execute format(
    'create policy %I on %s for all to authenticated using (street_id = any ((select private.office_street_ids())::bigint[])) '
    'with check (street_id = any ((select private.office_street_ids())::bigint[]))',
    v_name || '_write', p_table);
end;
$$;
revoke all on procedure private.street_config_policies(regclass) from public, anon, authenticated;

call private.street_config_policies('public.campaigns');
call private.street_config_policies('public.campaign_phases');
call private.street_config_policies('public.campaign_leaders');
call private.street_config_policies('public.campaign_member_offices');
call private.street_config_policies('public.street_seals');

revoke all on function private.campaigns_before_insert(), private.campaigns_before_update(),
  private.campaign_child_scope(), private.campaign_phases_in_order(), private.phase_label(public.campaign_phase)
  from public, anon, authenticated;
