-- What plugins declare, as rows the core reads, and the district (区/县) above the streets.
--
-- 1. Unit kinds and member roles are rows of private.unit_kinds and private.member_roles: the
--    core's (here) and each workflow plugin's (its generated migration, from the plugin's
--    declarations). The units trigger takes a kind's parents and level from its row, the
--    membership rule takes where a role is held from its row, and the writer scope takes which
--    roles write from theirs. The enums stay (the API and the generated types keep their
--    values); a plugin's migration adds its values to them before its rows.
-- 2. private.plugin_tables: the tables a plugin declares, how each holds its scope and which
--    roles write it. The plugin's migration makes their policies from the row; the RLS read
--    and write matrices in the tests read the same rows, so a declared table is covered with no
--    test edit.
-- 3. A district above the streets: a `district` unit (the parent of its streets) and the
--    `district_office` role, which reads every street under its district as a street-wide
--    viewer does and writes nothing.

alter type public.unit_kind add value if not exists 'district' before 'street';
alter type public.member_role add value if not exists 'district_office';

-- ---------------------------------------------------------------------------------------------
-- 1. Declarations
-- ---------------------------------------------------------------------------------------------
create table private.unit_kinds (
  kind text primary key,
  -- The core's kinds have no plugin.
  plugin text,
  label text not null,
  -- Where the kind sits: a district, a street, a community, or under a community (a compound,
  -- a grid). A unit's street_id and community_id follow from it.
  level text not null check (level in ('district', 'street', 'community', 'below')),
  -- The kinds its parent may be; empty for a unit with no parent.
  parent_kinds text[] not null default '{}',
  -- A street may stand alone or under a district.
  parent_optional boolean not null default false
);

create table private.member_roles (
  role text primary key,
  plugin text,
  label text not null,
  -- The kinds of unit the role is held in.
  unit_kinds text[] not null,
  -- Whether the role writes a unit's scores and evidence in its scope (private.writer_scope_ids):
  -- the core's scoring roles. A plugin's roles write the plugin's own declared tables instead
  -- (private.plugin_tables.write_roles), so a plugin's migration always says false.
  writes boolean not null
);

create table private.plugin_tables (
  table_name text primary key,
  plugin text not null,
  -- street: every member of the street reads a row; community: the street-wide roles of its
  -- street and the community roles of its community.
  scope text not null check (scope in ('street', 'community')),
  -- Roles that insert, update and delete rows in their scope; empty: the API writes nothing.
  write_roles text[] not null default '{}',
  -- Columns the API may write (the scope columns and ids are derived, never written).
  write_columns text[] not null default '{}'
);

insert into private.unit_kinds (kind, plugin, label, level, parent_kinds, parent_optional) values
  ('district', null, '区县', 'district', '{}', false),
  ('street', null, '街道', 'street', '{district}', true),
  ('community', null, '社区', 'community', '{street}', false),
  ('compound', null, '小区', 'below', '{community}', false),
  ('building', null, '商务楼宇', 'below', '{street,community}', false),
  ('business_district', null, '商圈', 'below', '{street,community}', false),
  ('social_org', null, '社会组织', 'below', '{street,community}', false);

insert into private.member_roles (role, plugin, label, unit_kinds, writes) values
  ('district_office', null, '区县党建办', '{district}', false),
  ('street_office', null, '街道党建办', '{street}', true),
  ('reviewer', null, '评审', '{street}', true),
  ('community_filer', null, '社区填报员', '{community}', true),
  ('viewer', null, '查看者', '{street,community}', false);

-- Read by the core's definer functions and the migrations only.
revoke all on private.unit_kinds, private.member_roles, private.plugin_tables from public, anon, authenticated;

-- Where a role is held, from its row; null when the unit's kind suits it.
create or replace function private.membership_rule_error(p_role public.member_role, p_kind public.unit_kind) returns text
language sql stable
set search_path = ''
as $$
  select case
    when r.role is null then '未知的角色'
    when not (p_kind::text = any (r.unit_kinds)) then
      r.label || '须属于' || (
        select string_agg(k.label, '或' order by array_position(r.unit_kinds, k.kind))
        from private.unit_kinds k where k.kind = any (r.unit_kinds)
      )
  end
  from (select 1) one left join private.member_roles r on r.role = p_role::text
$$;

-- ---------------------------------------------------------------------------------------------
-- 3. Districts: a street's district, kept on the street
-- ---------------------------------------------------------------------------------------------
alter table public.units add column district_id bigint references public.units (id) on delete set null;
comment on column public.units.district_id is '街道所属区县（仅街道）';
create index units_district_id_idx on public.units (district_id) where district_id is not null;
-- Derived, like street_id and community_id.
revoke update (district_id) on public.units from authenticated;

-- Units: parents and scope from the kind's row. A district and a street are their own street
-- (street_id = id, as before for streets); a street under a district keeps it in district_id.
-- A parent outside the office's street, or missing, is refused as row-level security refuses,
-- before its kind is compared.
create or replace function private.units_derive_scope() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  parent public.units;
  decl private.unit_kinds;
  parent_labels text;
begin
  select * into decl from private.unit_kinds where kind = new.kind::text;
  if decl.level in ('district', 'street') then
    if new.parent_id is null and (decl.level = 'district' or decl.parent_optional) then
      new.street_id := new.id;
      new.community_id := null;
      new.district_id := null;
      return new;
    end if;
    if decl.level = 'district' then
      raise exception '区县不能有上级单位' using errcode = '23514', hint = 'parent_id';
    end if;
  end if;

  if new.parent_id is null then
    raise exception '请选择上级单位' using errcode = '23502', hint = 'parent_id';
  end if;
  select * into parent from public.units where id = new.parent_id;
  if decl.level <> 'street' then
    perform private.require_scope('units', parent.street_id = any (private.office_street_ids()));
  end if;
  if not found then
    raise exception '上级单位不存在' using errcode = '23503', hint = 'parent_id';
  end if;
  if new.id = parent.id or new.id in (parent.street_id, parent.community_id) then
    raise exception '不能把单位移到它自己之下' using errcode = '23514', hint = 'parent_id';
  end if;
  if not (parent.kind::text = any (decl.parent_kinds)) then
    select string_agg(k.label, '或' order by array_position(decl.parent_kinds, k.kind)) into parent_labels
    from private.unit_kinds k where k.kind = any (decl.parent_kinds);
    raise exception '%的上级必须是%', decl.label, parent_labels using errcode = '23514', hint = 'parent_id';
  end if;

  if decl.level = 'street' then
    new.street_id := new.id;
    new.community_id := null;
    new.district_id := parent.id;
    return new;
  end if;
  new.street_id := parent.street_id;
  new.district_id := null;
  new.community_id := case when decl.level = 'community' then new.id else parent.community_id end;
  return new;
end;
$$;

drop trigger units_derive_scope on public.units;
create trigger units_derive_scope
before insert or update of kind, parent_id, street_id, community_id, district_id on public.units
for each row execute function private.units_derive_scope();

-- The streets under the caller's district offices.
create function private.district_street_ids() returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(s.id), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    join public.units s on s.district_id = m.unit_id and s.kind = 'street'
    where m.user_id = (select auth.uid()) and m.role::text = 'district_office'
  );
end
$$;

-- The read helpers count a district office's streets as its street-wide scope. The write
-- helpers (office_street_ids, writer_scope_ids) do not: a district office writes nothing.
create or replace function private.street_scope_ids() returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.street_id), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid()) and m.community_id is null
  ) || private.district_street_ids();
end
$$;

create or replace function private.scope_unit_ids() returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct coalesce(m.community_id, m.street_id)), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid())
  ) || private.district_street_ids();
end
$$;

create or replace function private.member_street_ids() returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.street_id), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid())
  ) || private.district_street_ids();
end
$$;

-- Which roles write, from their rows.
create or replace function private.writer_scope_ids() returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct coalesce(m.community_id, m.street_id)), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    join private.member_roles r on r.role = m.role::text and r.writes
    where m.user_id = (select auth.uid())
  );
end
$$;

-- ---------------------------------------------------------------------------------------------
-- 2. Declared tables: their scope, derived from the row's unit, and their policies
-- ---------------------------------------------------------------------------------------------

-- Scopes (as unit ids, like scope_unit_ids) where the caller holds one of the roles.
create function private.role_scope_ids(p_roles text[]) returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct coalesce(m.community_id, m.street_id)), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid()) and m.role::text = any (p_roles)
  );
end
$$;

-- A declared table's row takes street_id and community_id from its unit_id. The unit is read
-- whatever the caller may see, so a unit outside the caller's scope is refused as row-level
-- security refuses (42501), never reported as missing.
create function private.plugin_row_scope() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_unit public.units;
begin
  select * into v_unit from public.units where id = new.unit_id;
  perform private.require_scope(tg_table_name, v_unit.id is not null
    and (v_unit.street_id = any (private.scope_unit_ids()) or v_unit.community_id = any (private.scope_unit_ids())));
  if v_unit.id is null then
    raise exception '单位不存在' using errcode = '23503', hint = 'unit_id';
  end if;
  new.street_id := v_unit.street_id;
  new.community_id := v_unit.community_id;
  return new;
end;
$$;

-- Makes a declared table's trigger, policies and grants from its private.plugin_tables row.
-- Called by the plugin's migration after its sql/ files made the table (with unit_id,
-- street_id and community_id columns).
create function private.install_plugin_table(p_table text) returns void
language plpgsql
set search_path = ''
as $$
declare
  decl private.plugin_tables;
  t text := format('public.%I', p_table);
  read_rule text;
  write_rule text;
begin
  select * into decl from private.plugin_tables where table_name = p_table;
  if not found then
    raise exception 'table % is not declared in private.plugin_tables', p_table;
  end if;
  read_rule := case decl.scope
    when 'street' then 'street_id = any ((select private.member_street_ids())::bigint[])'
    else 'street_id = any ((select private.scope_unit_ids())::bigint[]) or community_id = any ((select private.scope_unit_ids())::bigint[])'
  end;
  write_rule := format(
    'street_id = any ((select private.role_scope_ids(%1$L))::bigint[]) or community_id = any ((select private.role_scope_ids(%1$L))::bigint[])',
    decl.write_roles);

  execute format('alter table %s enable row level security', t);
  execute format('revoke all on %s from anon, authenticated', t);
  execute format('grant all on %s to service_role', t);
  execute format('grant select on %s to authenticated', t);
  execute format('create trigger %I before insert or update of unit_id, street_id, community_id on %s for each row execute function private.plugin_row_scope()', p_table || '_scope', t);
  execute format('create policy %I on %s for select to authenticated using (%s)', p_table || '_select', t, read_rule);
  if cardinality(decl.write_roles) > 0 then
    execute format('grant insert (%s), delete on %s to authenticated',
      (select string_agg(quote_ident(c), ', ') from unnest('{unit_id}' || decl.write_columns) c), t);
    if cardinality(decl.write_columns) > 0 then
      execute format('grant update (%s) on %s to authenticated',
        (select string_agg(quote_ident(c), ', ') from unnest(decl.write_columns) c), t);
    end if;
    execute format('create policy %I on %s for insert to authenticated with check (%s)', p_table || '_insert', t, write_rule);
    execute format('create policy %I on %s for update to authenticated using (%3$s) with check (%3$s)', p_table || '_update', t, write_rule);
    execute format('create policy %I on %s for delete to authenticated using (%s)', p_table || '_delete', t, write_rule);
  end if;
end;
$$;

revoke all on function private.district_street_ids(), private.role_scope_ids(text[]),
  private.plugin_row_scope(), private.install_plugin_table(text) from public, anon, authenticated;
grant execute on function private.district_street_ids(), private.role_scope_ids(text[]) to authenticated;
