-- What the list screens need at province scale: each screen's first load as a community filer
-- and as a street office within 1.3× the same requests as service_role (npm run bench:lists,
-- test/bench/lists.ts, which prints the figures).

-- Units by street, with the columns the units policy reads. A street office's lists count the
-- street's units (Refine asks count=exact; the targets page counts each kind): as service_role
-- the count is an index-only scan of (street_id, id), but the policy also reads community_id
-- and kind, so as the user every one of the street's 11,000 units was fetched from the heap.
-- With them in the index the user's count is index-only too, the policy checked on the entries.
drop index public.units_street_id_id_idx;
create index units_street_id_id_idx on public.units (street_id, id) include (community_id, kind);

-- The streets by name: the units tree's first level (kind = street, order by name). A dozen rows
-- among 110,000, which ANALYZE's sample may not even see: without an index the planner read
-- every unit (the office's request carries no scope filter, and the policy's OR over arrays
-- drives no index).
create index units_streets_by_name_idx on public.units (name) where kind = 'street';

-- 我的已办: the user's own events, newest first (actor_id = me, order by created_at desc, id
-- desc), counted. Without an index on the actor every event of the street was read (100,000 in
-- a province street, 0.23 s as service_role); the included columns let the count and the
-- policy's scope columns be checked on the index alone.
create index workflow_events_actor_idx on public.workflow_events (actor_id, created_at, id) include (workflow, street_id, community_id);

-- target_progress() and target_units() are granted to service_role but run as the caller
-- (SECURITY INVOKER) through private.campaign_unit_grades(), which only authenticated could
-- execute: as service_role both failed ("permission denied for function campaign_unit_grades").
grant execute on function private.campaign_unit_grades(bigint, public.unit_kind[]) to service_role;

-- The profiles a user reads: their own and those of every member of their streets. Written as
-- `id = any(visible_user_ids())` the policy gathered every member of the street (1,000 and more
-- at province scale) into an array on each request and searched it for each embedded profile
-- (成员, 重点任务's reporters). Each profile now carries the streets its memberships are in,
-- kept by a trigger on memberships, and the policy is an array overlap on the row itself.
alter table public.profiles add column street_ids bigint[] not null default '{}';
-- Only the columns the admin reads (the streets of a member's other memberships stay private).
revoke select on public.profiles from authenticated;
grant select (id, email, full_name, disabled, created_at, updated_at) on public.profiles to authenticated;

create function private.profiles_street_ids() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.profiles p
  set street_ids = coalesce((select array_agg(distinct m.street_id order by m.street_id) from public.memberships m where m.user_id = p.id), '{}')
  where p.id in (
    select (case when tg_op = 'DELETE' then null else new.user_id end)
    union select (case when tg_op = 'INSERT' then null else old.user_id end));
  return null;
end;
$$;
revoke all on function private.profiles_street_ids() from public, anon, authenticated;
-- Any update: a unit moved to another street changes memberships.street_id inside their BEFORE
-- trigger, which a column-list trigger (`update of street_id`) would not see.
create trigger memberships_profile_streets after insert or update or delete on public.memberships
for each row execute function private.profiles_street_ids();
update public.profiles p
set street_ids = (select array_agg(distinct m.street_id order by m.street_id) from public.memberships m where m.user_id = p.id)
where exists (select 1 from public.memberships m where m.user_id = p.id);

drop policy profiles_select on public.profiles;
create policy profiles_select on public.profiles for select to authenticated
using (id = (select auth.uid()) or street_ids && (select private.street_scope_ids()));
-- Its last user.
drop function private.visible_user_ids();
