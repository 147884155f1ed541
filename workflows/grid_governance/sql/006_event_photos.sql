-- Photos as evidence of an event (现场照片): what the grid worker saw when reporting it, what the
-- handler shows when it is done. A private Storage bucket whose objects live under the event and
-- the step they were taken at, `<instance id>/<state>/<file>`, e.g. `1234/draft/1733.jpg`.
-- RLS on storage.objects, evaluated by Supabase Storage as the caller:
-- - read: whoever reads the event (the instances' own policy, asked as the caller);
-- - add: whoever may act on the event at its current step, into that step's folder only — the
--   named handlers where the step has them — while the event is open;
-- - remove: one's own photo, while its step lasts; what a step has moved on from stays.
-- No one overwrites a photo (no update policy): a new one is a new name.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('grid-photos', 'grid-photos', false, 10 * 1024 * 1024, array['image/png', 'image/jpeg', 'image/webp'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

-- The event a photo's name is under: its first folder, when that is an id; null otherwise
-- (which no policy matches).
create function private.grid_photo_instance(p_name text) returns bigint
language plpgsql immutable
set search_path = ''
as $$
declare
  v_folder text := (storage.foldername(p_name))[1];
begin
  if v_folder ~ '^[1-9][0-9]{0,17}$' then
    return v_folder::bigint;
  end if;
  return null;
end;
$$;

-- Whether the caller may add a photo of this name now: `<event>/<its current step>/<file>`, the
-- event open, and the caller one who may send an event there (a role of theirs where the event
-- lies, and one of its named handlers when the step has them). Read as the owner, but only of an
-- event the caller reaches (roles_in_scope is empty elsewhere), and it answers only yes or no.
create function private.grid_photo_may_add(p_name text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workflow_instances i
    where i.id = private.grid_photo_instance(p_name)
      and i.workflow = 'grid_governance' and not i.done
      and cardinality(storage.foldername(p_name)) = 2
      and (storage.foldername(p_name))[2] = i.state
      and exists (
        select 1 from public.workflow_transitions t
        where t.workflow = i.workflow and t.version = i.version and t.from_state = i.state
          and t.roles && private.roles_in_scope(i.street_id, i.community_id, i.unit_path))
      and (not exists (select 1 from public.workflow_assignments a where a.instance_id = i.id and a.ended_at is null)
           or exists (select 1 from public.workflow_assignments a
                      where a.instance_id = i.id and a.ended_at is null and a.user_id = (select auth.uid()))))
$$;

revoke all on function private.grid_photo_instance(text), private.grid_photo_may_add(text) from public, anon;
grant execute on function private.grid_photo_instance(text), private.grid_photo_may_add(text) to authenticated, service_role;

create policy grid_photos_select on storage.objects for select to authenticated
using (
  bucket_id = 'grid-photos'
  and exists (select 1 from public.workflow_instances i where i.id = private.grid_photo_instance(name) and i.workflow = 'grid_governance')
);
create policy grid_photos_insert on storage.objects for insert to authenticated
with check (bucket_id = 'grid-photos' and private.grid_photo_may_add(name));
create policy grid_photos_delete on storage.objects for delete to authenticated
using (bucket_id = 'grid-photos' and owner_id = (select auth.uid())::text and private.grid_photo_may_add(name));
