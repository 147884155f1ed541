-- A forgotten password, reset by the street office: there is no mail here (resetPasswordForEmail
-- has nowhere to send its link), so the office of the member's street sets a new initial password,
-- the member's sessions end, and the member must choose their own at the next sign-in.
--
-- 1. profiles.must_change_password: set by reset_member_password, read by the admin (the member
--    is held on 修改密码 until it is false), written by no API role.
-- 2. reset_member_password(user, password): as set_user_disabled, only an office whose street
--    holds every membership of the user, never one's own account. A user outside the street, or
--    none, is answered alike (42501), before the password is looked at.
-- 3. The flag clears itself: any change of the user's password but the office's reset (the user's
--    own supabase.auth.updateUser({ password }), or an admin's) sets it back to false.
-- 4. Until it is false, PostgREST answers the member's requests as the screens do: only the flag
--    itself may be read.

-- ---------------------------------------------------------------------------------------------
-- 1. The flag
-- ---------------------------------------------------------------------------------------------
alter table public.profiles add column must_change_password boolean not null default false;
comment on column public.profiles.must_change_password is '街道党建办重置密码后为 true：下次登录须先修改密码；用户自己改密码后由数据库清除';
-- profiles has column-level select grants (20261121230000_list_screens_at_scale.sql); the admin
-- reads the flag of the signed-in user (and the office may see whose reset is still pending).
-- No update grant: authenticated updates full_name only.
grant select (must_change_password) on public.profiles to authenticated;

-- ---------------------------------------------------------------------------------------------
-- 2. The office's reset
-- ---------------------------------------------------------------------------------------------
create function public.reset_member_password(p_user_id uuid, p_password text) returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_user_id = (select auth.uid()) then
    raise exception '不能重置自己的密码，请在右上角账号菜单中修改密码' using errcode = '42501';
  end if;
  -- Scope before facts: a user with a membership outside the office's street, with none, missing
  -- or deleted, gets one answer.
  if p_user_id is null
     or not exists (select 1 from auth.users u where u.id = p_user_id and u.deleted_at is null)
     or not exists (select 1 from public.memberships m where m.user_id = p_user_id)
     or exists (
       select 1 from public.memberships m
       where m.user_id = p_user_id and not (m.street_id = any (private.office_street_ids()))
     ) then
    raise exception '只能重置本街道成员的密码' using errcode = '42501';
  end if;
  if length(coalesce(p_password, '')) < 8 then
    raise exception '新密码至少 8 位' using errcode = '22023', hint = 'password';
  end if;
  -- bcrypt reads 72 bytes; GoTrue refuses a longer password (checkPasswordStrength), so would
  -- the member's own change.
  if octet_length(p_password) > 72 then
    raise exception '新密码不能超过 72 个字节（英文字母、数字每个 1 字节，汉字每个 3 字节）' using errcode = '22023', hint = 'password';
  end if;

  -- The hash as GoTrue stores it (bcrypt, cost 10). The transaction-local setting tells the
  -- trigger below (which fires at the end of the update) that this change is the office's, so
  -- the flag stays; it is cleared again right after.
  perform set_config('private.password_reset_by_office', p_user_id::text, true);
  update auth.users
     set encrypted_password = extensions.crypt(p_password, extensions.gen_salt('bf', 10)),
         recovery_token = '', recovery_sent_at = null, updated_at = now()
   where id = p_user_id;
  perform set_config('private.password_reset_by_office', '', true);

  update public.profiles set must_change_password = true where id = p_user_id;
  -- As GoTrue's UpdatePassword(tx, nil) for an admin's change: every session ends (their
  -- refresh tokens with them), so the old password's sign-ins are over.
  delete from auth.sessions where user_id = p_user_id;
end;
$$;

revoke all on function public.reset_member_password(uuid, text) from public, anon;
grant execute on function public.reset_member_password(uuid, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- 3. The user's own change clears the flag
-- ---------------------------------------------------------------------------------------------
create function private.clear_must_change_password() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if coalesce(current_setting('private.password_reset_by_office', true), '') is distinct from new.id::text then
    update public.profiles set must_change_password = false where id = new.id and must_change_password;
  end if;
  return null;
end;
$$;
revoke all on function private.clear_must_change_password() from public, anon, authenticated;

create trigger on_auth_user_password_changed
after update of encrypted_password on auth.users
for each row when (old.encrypted_password is distinct from new.encrypted_password)
execute function private.clear_must_change_password();

-- ---------------------------------------------------------------------------------------------
-- 4. Until then, the API holds the member as the screens do
-- ---------------------------------------------------------------------------------------------
-- A member whose password the office reset may read the flag (the admin asks for it) and change
-- the password (the auth server's /user, not PostgREST); every other request is refused.
create or replace function request_gate.check_request() returns void
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_prefer text := lower(coalesce(nullif(current_setting('request.headers', true), '')::jsonb ->> 'prefer', ''));
  v_banned boolean;
  v_must_change boolean;
begin
  if coalesce(auth.role(), '') not in ('authenticated', 'anon') then
    return;
  end if;
  if auth.role() = 'authenticated' then
    select coalesce(u.banned_until > now(), false), coalesce(p.must_change_password, false)
      into v_banned, v_must_change
    from auth.users u left join public.profiles p on p.id = u.id
    where u.id = (select auth.uid());
    -- A banned (disabled) user's token still verifies until it expires: refuse it, as GoTrue's
    -- own endpoints do.
    if v_banned then
      raise exception 'User is banned' using errcode = '42501', hint = 'user_banned';
    end if;
    if v_must_change and not (current_setting('request.method', true) = 'GET' and current_setting('request.path', true) = '/profiles') then
      raise exception '请先修改密码' using errcode = '42501', hint = 'must_change_password';
    end if;
  end if;
  -- The planner's estimate counts the rows of the whole table, not the caller's.
  if v_prefer ~ 'count\s*=\s*(planned|estimated)' then
    raise exception '不支持估算总数（count=planned / estimated），请使用 count=exact' using errcode = '22023', hint = 'prefer';
  end if;
end;
$$;
