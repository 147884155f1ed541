-- The two helpers every role check calls, in PL/pgSQL so that their plans are kept.
--
-- A SQL function with its own search_path is never inlined, and PostgreSQL 17 plans its body
-- again on every call from another statement. fire_event asks through these two whether each of
-- the caller's memberships reaches the instance: 0.17 ms of its 0.75 ms (track_functions, 200
-- notes on the bench:fire stack; issue 14's bar is the fire path at most 1.2× a plain update). A
-- PL/pgSQL body keeps its plans for the session. Same arguments, results and volatility.
create or replace function private.reaches_subtree(p_unit_id bigint) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.units u join private.unit_kinds k on k.kind = u.kind::text
    where u.id = p_unit_id and k.reach = 'subtree');
end;
$$;

create or replace function private.member_reaches(p_member public.memberships, p_street_id bigint, p_community_id bigint, p_unit_path bigint[])
returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return case
    when private.reaches_subtree(p_member.unit_id) then p_member.unit_id = any (p_unit_path)
    else (p_member.community_id is null and p_member.street_id = p_street_id)
      or (p_member.community_id is not null and p_member.community_id = p_community_id)
  end;
end;
$$;

-- The caller's roles where an instance lives, the membership's reach read in the same statement
-- (not a helper call per membership); the two-argument form in PL/pgSQL for the same reason as
-- above. The rule is member_reaches's.
create or replace function private.roles_in_scope(p_street_id bigint, p_community_id bigint, p_unit_path bigint[])
returns text[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.role::text), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    join public.units u on u.id = m.unit_id
    left join private.unit_kinds k on k.kind = u.kind::text and k.reach = 'subtree'
    where m.user_id = (select auth.uid())
      and case when k.kind is not null then m.unit_id = any (p_unit_path)
               else (m.community_id is null and m.street_id = p_street_id)
                 or (m.community_id is not null and m.community_id = p_community_id) end
  );
end;
$$;

create or replace function private.roles_in_scope(p_street_id bigint, p_community_id bigint)
returns text[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return private.roles_in_scope(p_street_id, p_community_id, '{}');
end;
$$;
