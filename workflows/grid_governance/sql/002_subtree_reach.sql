-- A grid's staff reach their own grid only (the kinds' reach is 'subtree' from this version):
-- the core's sees_scope no longer counts their memberships for the community, so the roster
-- import finds a community by name when the caller sees it or works in one of its grids.
-- Redefined from its running definition with that one test widened, in both places it is asked.
do $$
declare
  v_def text := pg_get_functiondef('public.grid_import_households(bigint, jsonb)'::regprocedure);
  v_new text := regexp_replace(v_def, 'private\.sees_scope\((\w+)\.street_id, \1\.id\)',
                               '(private.sees_scope(\1.street_id, \1.id) or \1.id = any (private.subtree_ancestor_ids()))', 'g');
begin
  if (select count(*) from regexp_matches(v_new, 'subtree_ancestor_ids', 'g')) <> 2 then
    raise exception 'grid_import_households: expected the community test in two places';
  end if;
  execute v_new;
end;
$$;
