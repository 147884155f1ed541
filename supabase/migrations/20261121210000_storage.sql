-- Evidence for scoring (评分佐证材料): a private Storage bucket whose objects live under the id of
-- the unit they are evidence for, `<unit_id>/<anything>`, e.g. `1001/2026/photo.jpg`. Who may
-- read, upload, overwrite or remove follows the unit's rows: RLS on storage.objects, evaluated
-- by Supabase Storage as the caller. Runs unchanged on a hosted project (storage.* is
-- Supabase's; this file only adds a bucket, helpers in private, and policies).

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values (
  'evidence',
  'evidence',
  false,
  20 * 1024 * 1024,
  array[
    'image/png',
    'image/jpeg',
    'image/webp',
    'application/pdf',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  ]
)
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

-- The unit an object name is evidence for: its first folder, when that is a unit id; null
-- otherwise (a file at the top, a folder that is not a number), which no policy matches.
create function private.object_unit_id(p_name text) returns bigint
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

revoke all on function private.object_unit_id(text) from public, anon;
grant execute on function private.object_unit_id(text) to authenticated;

-- Whether the object's unit lies in one of the scopes (unit ids of streets and communities, as
-- the helpers give them). The unit is looked up through its primary key.
create function private.evidence_in_scope(p_name text, p_scope bigint[]) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.units u
    where u.id = private.object_unit_id(p_name)
      and (u.street_id = any (p_scope) or u.community_id = any (p_scope))
  )
$$;
revoke all on function private.evidence_in_scope(text, bigint[]) from public, anon;
grant execute on function private.evidence_in_scope(text, bigint[]) to authenticated;

-- Read: whoever reads the unit's rows by street or community (private.scope_unit_ids), as the
-- units' own policy does; community roles do not read the street's own evidence.
create policy evidence_select on storage.objects for select to authenticated
using (bucket_id = 'evidence' and private.evidence_in_scope(name, (select private.scope_unit_ids())));

-- Upload, overwrite (upsert) and remove: the unit's community filer, the street's office and
-- reviewers.
create policy evidence_insert on storage.objects for insert to authenticated
with check (bucket_id = 'evidence' and private.evidence_in_scope(name, (select private.writer_scope_ids())));
create policy evidence_update on storage.objects for update to authenticated
using (bucket_id = 'evidence' and private.evidence_in_scope(name, (select private.writer_scope_ids())))
with check (bucket_id = 'evidence' and private.evidence_in_scope(name, (select private.writer_scope_ids())));
create policy evidence_delete on storage.objects for delete to authenticated
using (bucket_id = 'evidence' and private.evidence_in_scope(name, (select private.writer_scope_ids())));
