-- The grids and their staff as rosters (导入网格, 导入网格人员), as the households are: the browser
-- checks the file first, then one call, one transaction; the database checks every row again as
-- the caller may write it (the street office: units and invitations are its to make) and, when
-- any is refused, writes nothing and names the rows in the error's detail as
-- [{ row, column, message }]. Names are the natural keys: what is there already is left as it is,
-- so the same file imported twice changes nothing.
--
-- Both are SECURITY INVOKER: a unit is found by name only among those the caller reads, and is
-- made (units_insert) or a person invited (invite_member) only as the caller may.

-- The unit a roster names: the community by its name in the street (none: the street itself),
-- then, when a grid is named, the one grid or micro-grid of that name in it. Null when there is
-- none or more than one; `p_kinds` the kinds the grid may be.
create function private.grid_roster_unit(p_street_id bigint, p_community text, p_grid text, p_kinds text[])
returns bigint
language plpgsql stable
set search_path = ''
as $$
declare
  v_community bigint;
  v_unit bigint;
begin
  if coalesce(p_community, '') = '' then
    select u.id into v_community from public.units u where u.id = p_street_id and u.kind::text = 'street';
  else
    select case when count(*) = 1 then min(u.id) end into v_community from public.units u
    where u.street_id = p_street_id and u.kind::text = 'community' and u.name = p_community;
  end if;
  if v_community is null or coalesce(p_grid, '') = '' then
    return v_community;
  end if;
  select case when count(*) = 1 then min(u.id) end into v_unit from public.units u
  where u.street_id = p_street_id and u.kind::text = any (p_kinds) and u.name = p_grid
    and u.unit_path @> array[v_community]
    -- (a street-level grid is not any community's)
    and (v_community <> p_street_id or u.community_id is null);
  return v_unit;
end;
$$;

create function public.grid_import_grids(p_street_id bigint, p_rows jsonb)
returns jsonb
language plpgsql security invoker
set search_path = ''
as $$
declare
  v_row jsonb;
  v_errors jsonb := '[]';
  v_top bigint;
  v_parent bigint;
  v_same public.units;
  v_inserted int := 0;
  v_unchanged int := 0;
  v_message text;
  v_state text;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) > 20000 then
    raise exception '一次最多导入 20000 行' using errcode = '22023', hint = 'p_rows';
  end if;
  -- In the file's order: a grid named as a parent may be made a few rows above.
  for v_row in select value from jsonb_array_elements(p_rows) loop
    begin
      if v_row->>'kind' not in ('grid', 'micro_grid') then
        v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'level', 'message', '层级须是网格或微网格');
        continue;
      end if;
      v_top := private.grid_roster_unit(p_street_id, v_row->>'community', null, null);
      if v_top is null then
        v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'community', 'message', '本街道没有这个社区，或你无权查看');
        continue;
      end if;
      if coalesce(v_row->>'parent', '') = '' then
        v_parent := v_top;
      else
        v_parent := private.grid_roster_unit(p_street_id, v_row->>'community', v_row->>'parent', array['grid']);
        if v_parent is null then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'parent', 'message', '没有这个上级网格（或有重名）');
          continue;
        end if;
      end if;
      select * into v_same from public.units u
      where u.parent_id = v_parent and u.name = v_row->>'name' and u.kind::text in ('grid', 'micro_grid');
      if v_same.id is not null then
        if v_same.kind::text <> v_row->>'kind' then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'level', 'message',
            case when v_same.kind::text = 'grid' then '同一上级下已有同名的网格' else '同一上级下已有同名的微网格' end);
        else
          v_unchanged := v_unchanged + 1;
        end if;
        continue;
      end if;
      insert into public.units (kind, name, parent_id) values ((v_row->>'kind')::public.unit_kind, v_row->>'name', v_parent);
      v_inserted := v_inserted + 1;
    exception when others then
      get stacked diagnostics v_message = message_text, v_state = returned_sqlstate;
      v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', case when v_state = '42501' then 'community' else 'name' end,
        'message', case when v_state = '42501' then '你无权在本街道建立网格' when v_state like '22%' then '名称不符合要求' else v_message end);
    end;
  end loop;
  if jsonb_array_length(v_errors) > 0 then
    raise exception '有 % 行不能导入，未写入任何数据', jsonb_array_length(v_errors) using errcode = '22023', detail = v_errors::text;
  end if;
  return jsonb_build_object('inserted', v_inserted, 'unchanged', v_unchanged);
end;
$$;

-- Each person is invited to their role in their unit with the office's initial password, as the
-- office's own invitation does (invite_member: the account is made when the address has none, and
-- the role is theirs once they accept). Someone who holds the role there already, or is invited to
-- it and has not answered, is left as they are.
create function public.grid_import_staff(p_street_id bigint, p_rows jsonb, p_password text)
returns jsonb
language plpgsql security invoker
set search_path = ''
as $$
declare
  v_row jsonb;
  v_errors jsonb := '[]';
  v_top bigint;
  v_unit bigint;
  v_invited int := 0;
  v_unchanged int := 0;
  v_message text;
  v_state text;
  v_hint text;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) > 5000 then
    raise exception '一次最多导入 5000 人' using errcode = '22023', hint = 'p_rows';
  end if;
  if length(coalesce(p_password, '')) < 8 then
    raise exception '初始密码至少 8 位' using errcode = '22023', hint = 'password';
  end if;
  for v_row in select value from jsonb_array_elements(p_rows) loop
    begin
      v_top := private.grid_roster_unit(p_street_id, v_row->>'community', null, null);
      if v_top is null then
        v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'community', 'message', '本街道没有这个社区，或你无权查看');
        continue;
      end if;
      if coalesce(v_row->>'grid', '') = '' then
        if v_top = p_street_id then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'grid', 'message', '请填写社区或网格');
          continue;
        end if;
        v_unit := v_top;
      else
        v_unit := private.grid_roster_unit(p_street_id, v_row->>'community', v_row->>'grid', array['grid', 'micro_grid']);
        if v_unit is null then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'grid', 'message', '没有这个网格或微网格（或有重名）');
          continue;
        end if;
      end if;
      -- (the street's office reads its street's memberships and invitations)
      if exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id
                 where m.unit_id = v_unit and m.role::text = v_row->>'role' and lower(p.email) = lower(v_row->>'email'))
         or exists (select 1 from public.member_invitations i
                    where i.unit_id = v_unit and i.role::text = v_row->>'role' and lower(i.email) = lower(v_row->>'email') and i.status = 'pending') then
        v_unchanged := v_unchanged + 1;
        continue;
      end if;
      perform public.invite_member(v_row->>'email', v_row->>'full_name', p_password, v_unit, (v_row->>'role')::public.member_role);
      v_invited := v_invited + 1;
    exception when others then
      get stacked diagnostics v_message = message_text, v_state = returned_sqlstate, v_hint = pg_exception_hint;
      v_errors := v_errors || jsonb_build_object('row', v_row->'row',
        'column', case v_hint when 'email' then 'email' when 'full_name' then 'full_name' when 'role' then 'role' when 'unit_id' then 'role'
                              else case when v_state = '22P02' then 'role' end end,
        'message', case when v_state = '22P02' then '没有这个角色' else v_message end);
    end;
  end loop;
  if jsonb_array_length(v_errors) > 0 then
    raise exception '有 % 行不能导入，未写入任何数据', jsonb_array_length(v_errors) using errcode = '22023', detail = v_errors::text;
  end if;
  return jsonb_build_object('invited', v_invited, 'unchanged', v_unchanged);
end;
$$;

revoke all on function private.grid_roster_unit(bigint, text, text, text[]) from public, anon;
grant execute on function private.grid_roster_unit(bigint, text, text, text[]) to authenticated, service_role;
revoke all on function public.grid_import_grids(bigint, jsonb), public.grid_import_staff(bigint, jsonb, text) from public, anon;
grant execute on function public.grid_import_grids(bigint, jsonb), public.grid_import_staff(bigint, jsonb, text) to authenticated;
