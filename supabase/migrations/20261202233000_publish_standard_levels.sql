-- publish_standard checked that every value of public.unit_kind has sub-items adding to 100
-- points. Since the district level (and plugins' unit kinds) joined the enum, no standard could
-- be published: a district has no level in the standard, and the refusal named it with the
-- fallback label, 「社会组织层面」各细则分值合计 0 分. The standard's levels are its own six.
create or replace function public.publish_standard(p_version_id bigint) returns public.standard_versions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_version public.standard_versions;
  v_bad record;
begin
  select * into v_version from public.standard_versions where id = p_version_id for update;
  if v_version is null or not v_version.street_id = any (private.office_street_ids()) then
    raise exception '没有权限发布此标准' using errcode = '42501';
  end if;
  if v_version.status = 'published' then
    return v_version;
  end if;
  select l.level, coalesce(sum(s.points), 0) as total into v_bad
  from unnest(array['street', 'community', 'compound', 'building', 'business_district', 'social_org']::public.unit_kind[])
    with ordinality l(level, n)
  left join public.standard_items i on i.version_id = p_version_id and i.level = l.level
  left join public.standard_subitems s on s.item_id = i.id
  group by l.level, l.n
  having coalesce(sum(s.points), 0) <> 100
  order by l.n
  limit 1;
  if found then
    raise exception '「%」各细则分值合计 % 分，须为 100 分，不能发布', private.level_label(v_bad.level), v_bad.total
      using errcode = '23514', hint = 'points';
  end if;
  update public.standard_versions set status = 'published', published_at = now() where id = p_version_id returning * into v_version;
  return v_version;
end;
$$;
