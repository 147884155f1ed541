-- The key-task list (attachment 3, 重点任务清单): a campaign year's numbered tasks in five
-- actions, each due by a date or running all year (often reported monthly, every two months or
-- quarterly), led by one or more of the campaign's member offices (campaign_member_offices), with
-- a status and progress notes.
--
-- Who writes: the street office (street_office members of the street) writes everything of its
-- street; every member of the street reads. There is no per-office user role yet (a person of
-- 社管中心 has no account of their own): the street office records status and progress on behalf
-- of the lead offices. When such a role comes, key_task_reports' write policy is the one to widen.

create type public.key_task_action as enum ('brand', 'two_new_orgs', 'red_property', 'red_magnet', 'social_orgs');
create type public.key_task_cadence as enum ('monthly', 'bimonthly', 'quarterly');
create type public.key_task_status as enum ('not_started', 'in_progress', 'done', 'blocked');

create table public.key_tasks (
  id bigint generated always as identity primary key,
  campaign_id bigint not null references public.campaigns on delete cascade,
  street_id bigint not null,
  -- The first day of the list's year: 1 January for a calendar year (the source's list is
  -- 2021年's). All-year tasks run through the twelve months from it, and their reporting periods
  -- count from it; dated tasks fall within it.
  year_starts_on date not null constraint key_tasks_year_check check (extract(day from year_starts_on) = 1),
  action public.key_task_action not null,
  -- 序号: numbered through the whole list, not per action.
  number int not null constraint key_tasks_number_check check (number between 1 and 999),
  content text not null constraint key_tasks_content_check check (char_length(btrim(content)) between 1 and 500),
  -- 完成时间: a date, or 贯穿全年 (all year), optionally with a reporting cadence.
  deadline date,
  all_year boolean not null default false,
  cadence public.key_task_cadence,
  status public.key_task_status not null default 'not_started',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint key_tasks_number_unique unique (campaign_id, year_starts_on, number),
  constraint key_tasks_when_check check (all_year = (deadline is null)),
  constraint key_tasks_cadence_check check (cadence is null or all_year),
  constraint key_tasks_deadline_check
    check (deadline is null or (deadline >= year_starts_on and deadline < (year_starts_on + interval '1 year')::date))
);
comment on table public.key_tasks is '重点任务清单：行动、序号、主要内容及要求、完成时间、状态';
create index key_tasks_street_id_idx on public.key_tasks (street_id, id);

-- 牵头单位: a task's lead offices, among its campaign's member offices.
create table public.key_task_leads (
  task_id bigint not null references public.key_tasks on delete cascade,
  -- An office that leads tasks is not removed from the leadership group until they are reassigned.
  office_id bigint not null constraint key_task_leads_office_fkey references public.campaign_member_offices on delete restrict,
  street_id bigint not null,
  -- The order the list names them in: the first is the main lead (主牵头).
  sort int not null default 0,
  primary key (task_id, office_id)
);
comment on table public.key_task_leads is '重点任务的牵头单位';
create index key_task_leads_office_id_idx on public.key_task_leads (office_id);
create index key_task_leads_street_id_idx on public.key_task_leads (street_id);

-- Progress notes (进展情况). A recurring task's report for one period carries the period's first
-- day (one report a period); a note with no period is a one-off progress note.
create table public.key_task_reports (
  id bigint generated always as identity primary key,
  task_id bigint not null references public.key_tasks on delete cascade,
  street_id bigint not null,
  period date,
  note text not null constraint key_task_reports_note_check check (char_length(btrim(note)) between 1 and 2000),
  -- Who wrote it: the caller, never sent by the client (no column grant); the seed, writing
  -- history, names its author.
  reported_by uuid default auth.uid() constraint key_task_reports_reporter_fkey references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.key_task_reports is '重点任务的进展情况（按期填报或随时记录）';
create unique index key_task_reports_period_unique on public.key_task_reports (task_id, period) where period is not null;
create index key_task_reports_task_idx on public.key_task_reports (task_id, created_at);
create index key_task_reports_street_id_idx on public.key_task_reports (street_id);

-- ---------------------------------------------------------------------------------------------
-- Integrity the API cannot get around. The scope triggers are SECURITY DEFINER so they read the
-- parent row whatever the caller may see: a write into another street then fails row-level
-- security (42501) instead of looking like a missing parent.
-- ---------------------------------------------------------------------------------------------

-- Months from a list's year start to a date's month.
create function private.months_between(p_from date, p_to date) returns int
language sql immutable
set search_path = ''
as $$
  select ((extract(year from p_to) - extract(year from p_from)) * 12 + extract(month from p_to) - extract(month from p_from))::int
$$;

create function private.cadence_months(p_cadence public.key_task_cadence) returns int
language sql immutable
set search_path = ''
as $$
  select case p_cadence when 'monthly' then 1 when 'bimonthly' then 2 else 3 end
$$;

create function private.key_tasks_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select c.street_id into new.street_id from public.campaigns c where c.id = new.campaign_id;
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
create trigger key_tasks_before_write before insert or update on public.key_tasks
for each row execute function private.key_tasks_before_write();

create function private.key_task_leads_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_task public.key_tasks;
begin
  select * into v_task from public.key_tasks where id = new.task_id;
  new.street_id := v_task.street_id;
  if v_task.id is not null and not exists (
    select 1 from public.campaign_member_offices o where o.id = new.office_id and o.campaign_id = v_task.campaign_id
  ) then
    raise exception '牵头单位须是本行动的成员单位' using errcode = '23514', hint = 'office_id';
  end if;
  return new;
end;
$$;
create trigger key_task_leads_before_write before insert or update on public.key_task_leads
for each row execute function private.key_task_leads_before_write();

create function private.key_task_reports_before_write() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_task public.key_tasks;
  v_step int;
begin
  if tg_op = 'UPDATE' and (new.task_id <> old.task_id or new.period is distinct from old.period) then
    raise exception '进展不能改到其他任务或其他一期' using errcode = '42501';
  end if;
  select * into v_task from public.key_tasks where id = new.task_id;
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
create trigger key_task_reports_before_write before insert or update on public.key_task_reports
for each row execute function private.key_task_reports_before_write();

-- ---------------------------------------------------------------------------------------------
-- Privileges and policies: the street's members read, its office writes.
-- ---------------------------------------------------------------------------------------------
alter table public.key_tasks enable row level security;
alter table public.key_task_leads enable row level security;
alter table public.key_task_reports enable row level security;

revoke all on public.key_tasks, public.key_task_leads, public.key_task_reports from anon, authenticated;
grant select, delete on public.key_tasks, public.key_task_leads, public.key_task_reports to authenticated;
-- street_id may be sent; the triggers overwrite it with the parent's.
grant insert (campaign_id, street_id, year_starts_on, action, number, content, deadline, all_year, cadence, status) on public.key_tasks to authenticated;
grant update (year_starts_on, action, number, content, deadline, all_year, cadence, status) on public.key_tasks to authenticated;
grant insert (task_id, office_id, street_id, sort) on public.key_task_leads to authenticated;
grant insert (task_id, street_id, period, note) on public.key_task_reports to authenticated;
grant update (note) on public.key_task_reports to authenticated;
grant all on public.key_tasks, public.key_task_leads, public.key_task_reports to service_role;

call private.street_config_policies('public.key_tasks');

call private.street_config_policies('public.key_task_leads');

-- The street office records the lead offices' progress (no per-office role yet, see the top).
call private.street_config_policies('public.key_task_reports');

revoke all on function private.months_between(date, date), private.cadence_months(public.key_task_cadence),
  private.key_tasks_before_write(), private.key_task_leads_before_write(), private.key_task_reports_before_write()
  from public, anon, authenticated;
