-- A new 申报表 starts with the community's own compounds in 所辖各小区名称 (compound_ids), as a
-- filer would otherwise pick every one of them by hand: where the draft's first form is made,
-- the insert of its instance (start_workflow validates the form it was given, then inserts). A
-- form that already names its compounds (the demo's, a caller's own) is left as it is; a
-- community with no compounds yet starts without the field, as before.
create function private.application_draft_compounds()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_ids jsonb;
begin
  if new.workflow = 'application' and not (coalesce(new.form, '{}'::jsonb) ? 'compound_ids') then
    select jsonb_agg(u.id order by u.id) into v_ids
    from public.units u
    where u.community_id = new.subject_unit_id and u.kind::text = 'compound';
    if v_ids is not null then
      new.form := coalesce(new.form, '{}'::jsonb) || jsonb_build_object('compound_ids', v_ids);
    end if;
  end if;
  return new;
end;
$$;
revoke all on function private.application_draft_compounds() from public, anon, authenticated;

create trigger workflow_instances_application_draft_compounds
  before insert on public.workflow_instances
  for each row execute function private.application_draft_compounds();
