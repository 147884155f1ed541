-- What a Supabase database already has before any project migration runs, and a bare
-- PostgreSQL lacks. Each object is created only if absent, so this is a no-op on a database
-- that has it; the migrations under supabase/migrations never create any of it.

-- Runs as supabase_admin, the superuser (initdb's bootstrap user, as in Supabase's image), in one
-- transaction, before the migrations; stack/migrate.ts then runs the migrations and the seed as
-- postgres, which is not a superuser. Roles, owners and grants are those of a hosted project, from
-- supabase/postgres (migrations/db/init-scripts/0000000000000{0,1,2}-*.sql and
-- migrations/db/migrations/*.sql, named where used), so that what `supabase db push` refuses is
-- refused here too: postgres may read and write auth.* and storage.* but not alter them, index
-- them, add functions to them or comment on their policies.

-- Roles. authenticator is the role PostgREST logs in as; it switches to the JWT's role. Every
-- login role has the CLI's local password.
do $$
begin
  -- The role migrations run as (10000000000000_demote-postgres.sql: NOSUPERUSER CREATEDB
  -- CREATEROLE LOGIN REPLICATION BYPASSRLS). A data folder of the old layout, where postgres was
  -- the bootstrap superuser, was moved here by stack/postgres.ts before this runs.
  if not exists (select from pg_roles where rolname = 'postgres') then
    create role postgres login password 'postgres';
  end if;
  alter role postgres nosuperuser createdb createrole login replication bypassrls;
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit password 'postgres';
  end if;
  -- The owners of auth.* and storage.*, and the logins of the auth and storage servers, as of
  -- GoTrue and storage-api (00000000000001-auth-schema.sql, 00000000000002-storage-schema.sql;
  -- CREATEROLE was taken from supabase_auth_admin later: 20260821154147).
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin noinherit login password 'postgres';
  end if;
  if not exists (select from pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin noinherit login password 'postgres';
  end if;
end
$$;

alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;

grant anon, authenticated, service_role to authenticator;
alter role authenticator set statement_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- postgres is granted the API roles with ADMIN OPTION (20230201083204, and
-- 20250605172253_grant_with_admin_to_postgres_16_and_above.sql).
grant anon, authenticated, service_role to postgres with admin option;
-- The storage server switches to the caller's role with SET ROLE, as storage-api does
-- (20230327032006_grant_auth_roles_to_supabase_storage_admin.sql; hosted now reaches them through
-- authenticator, 20231013070755, to the same effect).
grant anon, authenticated, service_role to supabase_storage_admin;
-- On a hosted project postgres may `alter role authenticator set pgrst.…` (supautils:
-- authenticator* among supautils.reserved_roles, pgrst.* among
-- privileged_role_allowed_configs, ansible/files/postgresql_config/supautils.conf.j2). Without
-- supautils, PostgreSQL 16+ needs ADMIN OPTION on authenticator (granted without INHERIT or SET,
-- so postgres gains none of its privileges and cannot become it) and SET on each PostgREST
-- setting, which PostgreSQL keeps as a placeholder; session_replication_role likewise.
grant authenticator to postgres with admin option, inherit false, set false;
do $$
declare
  v_setting text;
begin
  foreach v_setting in array array[
    'db_aggregates_enabled', 'db_anon_role', 'db_extra_search_path', 'db_hoisted_tx_settings', 'db_max_rows',
    'db_plan_enabled', 'db_pre_config', 'db_pre_request', 'db_prepared_statements', 'db_root_spec', 'db_schemas',
    'db_tx_end', 'jwt_aud', 'jwt_cache_max_lifetime', 'jwt_role_claim_key', 'jwt_secret', 'jwt_secret_is_base64',
    'openapi_mode', 'openapi_security_active', 'openapi_server_proxy_uri', 'server_cors_allowed_origins',
    'server_timing_enabled', 'server_trace_header'
  ] loop
    execute format('grant set on parameter %I to postgres', 'pgrst.' || v_setting);
  end loop;
end
$$;
grant set on parameter session_replication_role to postgres;

-- The database: postgres creates schemas in it (10000000000000_demote-postgres.sql).
do $$ begin execute format('grant all on database %I to postgres', current_database()); end $$;

-- Extensions live in their own schema, as on Supabase: supabase_admin's, used by everyone.
create schema if not exists extensions;
grant all on schema extensions to postgres;
grant usage on schema extensions to anon, authenticated, service_role, supabase_auth_admin, supabase_storage_admin;
create extension if not exists pgcrypto with schema extensions;

-- Supabase's default privileges on public: every API role gets every table postgres creates, so
-- it is RLS (and the migrations' own revokes) that keeps rows private. Reproduced so that a
-- migration that is safe here is safe on a hosted project (00000000000000-initial-schema.sql).
-- postgres' are set on a new database only (before the migrations' table exists), so that the
-- migrations' revokes of them are kept across starts, as on a hosted project.
grant all on schema public to postgres;
grant usage on schema public to anon, authenticated, service_role;
do $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
    alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
    alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
  end if;
end
$$;
alter default privileges for role supabase_admin in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to postgres, anon, authenticated, service_role;

-- The auth schema, with the columns GoTrue reads and writes: supabase_admin's schema, whose
-- tables and functions supabase_auth_admin owns (below). postgres may use it but not create in it
-- (20250421084701_revoke_admin_roles_from_postgres.sql).
create schema if not exists auth;
grant all on schema auth to supabase_auth_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role;
revoke create on schema auth from postgres;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
-- GoTrue's own uniqueness rule: one non-SSO account per email, case-insensitively.
create unique index if not exists users_email_partial_key on auth.users (email) where is_sso_user = false;
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email));

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid not null default gen_random_uuid() primary key,
  unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);

create table if not exists auth.sessions (
  id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz,
  updated_at timestamptz,
  factor_id uuid,
  aal text,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet,
  tag text
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
  instance_id uuid,
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);

-- The claim readers policies call. PostgREST 12 puts the verified JWT claims in
-- request.jwt.claims; the older per-claim settings are read first, as Supabase's versions do.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- Where the Supabase CLI records applied migrations; the CLI creates it as postgres, so postgres
-- owns it (the migration runner writes it, and marks the seed in its comment).
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
alter schema supabase_migrations owner to postgres;
alter table supabase_migrations.schema_migrations owner to postgres;

-- Storage: the schema Supabase Storage keeps its metadata in (storage-api's tenant migrations,
-- reduced to what this stack's storage server uses), so that `insert into storage.buckets` and
-- policies on storage.objects in a project migration run here as on a hosted project. Created
-- only when absent; grants are given with the objects, so a project's later revokes are kept.
do $bootstrap_storage$
begin
  if to_regnamespace('storage') is null then
    create schema storage;
    grant usage on schema storage to anon, authenticated, service_role;
    -- As storage-api installs it: every API role gets every table and function; RLS decides.
    alter default privileges for role supabase_storage_admin in schema storage grant all on tables to anon, authenticated, service_role;
    alter default privileges for role supabase_storage_admin in schema storage grant all on functions to anon, authenticated, service_role;
    alter default privileges for role supabase_storage_admin in schema storage grant all on sequences to anon, authenticated, service_role;
  end if;

  if to_regclass('storage.buckets') is null then
    create table storage.buckets (
      id text primary key,
      name text not null,
      owner uuid,
      created_at timestamptz default now(),
      updated_at timestamptz default now(),
      public boolean default false,
      avif_autodetection boolean default false,
      file_size_limit bigint,
      allowed_mime_types text[],
      owner_id text
    );
    create unique index bname on storage.buckets (name);
    alter table storage.buckets enable row level security;
    grant all on storage.buckets to anon, authenticated, service_role;
  end if;

  if to_regclass('storage.objects') is null then
    create table storage.objects (
      id uuid primary key default gen_random_uuid(),
      bucket_id text references storage.buckets (id),
      name text,
      owner uuid,
      created_at timestamptz default now(),
      updated_at timestamptz default now(),
      last_accessed_at timestamptz default now(),
      metadata jsonb,
      path_tokens text[] generated always as (string_to_array(name, '/')) stored,
      version text,
      owner_id text,
      user_metadata jsonb
    );
    create unique index bucketid_objname on storage.objects (bucket_id, name);
    create index name_prefix_search on storage.objects (name text_pattern_ops);
    alter table storage.objects enable row level security;
    grant all on storage.objects to anon, authenticated, service_role;
  end if;

  -- The helpers policies call, as storage-api defines them.
  if to_regprocedure('storage.foldername(text)') is null then
    create function storage.foldername(name text) returns text[]
    language plpgsql immutable
    as $fn$
    declare
      _parts text[];
    begin
      select string_to_array(name, '/') into _parts;
      return _parts[1 : array_length(_parts, 1) - 1];
    end
    $fn$;
    grant execute on function storage.foldername(text) to anon, authenticated, service_role;
  end if;

  if to_regprocedure('storage.filename(text)') is null then
    create function storage.filename(name text) returns text
    language plpgsql immutable
    as $fn$
    declare
      _parts text[];
    begin
      select string_to_array(name, '/') into _parts;
      return _parts[array_length(_parts, 1)];
    end
    $fn$;
    grant execute on function storage.filename(text) to anon, authenticated, service_role;
  end if;

  if to_regprocedure('storage.extension(text)') is null then
    create function storage.extension(name text) returns text
    language plpgsql immutable
    as $fn$
    declare
      _parts text[];
      _filename text;
    begin
      select string_to_array(name, '/') into _parts;
      select _parts[array_length(_parts, 1)] into _filename;
      return reverse(split_part(reverse(_filename), '.', 1));
    end
    $fn$;
    grant execute on function storage.extension(text) to anon, authenticated, service_role;
  end if;

  if to_regprocedure('storage.update_updated_at_column()') is null then
    create function storage.update_updated_at_column() returns trigger
    language plpgsql
    as $fn$
    begin
      new.updated_at = now();
      return new;
    end
    $fn$;
    create trigger update_objects_updated_at before update on storage.objects
    for each row execute function storage.update_updated_at_column();
  end if;

  -- One level of a bucket's listing, as storage-api's storage.search answers it: the folders
  -- under the prefix (id null), then the objects, each ordered by the sort column; run as the
  -- caller (security invoker), so RLS on storage.objects decides what is listed. Unlike
  -- storage-api's, % and _ in the prefix and search are matched literally.
  if to_regprocedure('storage.search(text, text, integer, integer, integer, text, text, text)') is null then
    create function storage.search(
      prefix text,
      bucketname text,
      limits integer default 100,
      levels integer default 1,
      offsets integer default 0,
      search text default '',
      sortcolumn text default 'name',
      sortorder text default 'asc'
    ) returns table (
      name text,
      id uuid,
      updated_at timestamptz,
      created_at timestamptz,
      last_accessed_at timestamptz,
      metadata jsonb
    )
    language plpgsql stable
    as $fn$
    declare
      v_column text := case when sortcolumn in ('name', 'updated_at', 'created_at', 'last_accessed_at') then sortcolumn else 'name' end;
      v_order text := case when lower(sortorder) = 'desc' then 'desc' else 'asc' end;
      v_pattern text := replace(replace(replace(coalesce(prefix, '') || coalesce(search, ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
    begin
      return query execute format(
        $q$
        with matched as (
          select o.id, o.path_tokens, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
          from storage.objects o
          where o.bucket_id = $1 and o.name ilike $2 escape '\'
        ),
        entries as (
          select distinct 0 as kind, m.path_tokens[$3] as name, null::uuid as id, null::timestamptz as updated_at,
                 null::timestamptz as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata
          from matched m where array_length(m.path_tokens, 1) > $3
          union all
          select 1, m.path_tokens[$3], m.id, m.updated_at, m.created_at, m.last_accessed_at, m.metadata
          from matched m where array_length(m.path_tokens, 1) = $3
        )
        select e.name, e.id, e.updated_at, e.created_at, e.last_accessed_at, e.metadata
        from entries e
        order by e.kind, e.%1$I %2$s, e.name %2$s
        limit $4 offset $5
        $q$, v_column, v_order)
      using bucketname, v_pattern, levels, limits, offsets;
    end
    $fn$;
    grant execute on function storage.search(text, text, integer, integer, integer, text, text, text)
      to anon, authenticated, service_role;
  end if;
end
$bootstrap_storage$;

-- Owners and postgres' grants on auth.* and storage.*, as on a hosted project, on a new database
-- and on one whose objects another layout made. supabase_auth_admin owns every table, sequence
-- and function in auth (00000000000001-auth-schema.sql, 20211124212715_update-auth-owner.sql),
-- supabase_storage_admin every one in storage (00000000000002-storage-schema.sql); the schemas
-- stay supabase_admin's. postgres gets every privilege on their tables, sequences and functions
-- (10000000000000_demote-postgres.sql, 20211115181400_update-auth-permissions.sql,
-- 20250623125453 and 20250709135250 for storage, with grant option) but neither ownership nor
-- membership in the admin roles (20250421084701_revoke_admin_roles_from_postgres.sql), nor
-- CREATE on the schemas.
do $bootstrap_owners$
declare
  r record;
begin
  for r in
    select format('alter %s %s owner to %I',
                  case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end,
                  c.oid::regclass, case n.nspname when 'auth' then 'supabase_auth_admin' else 'supabase_storage_admin' end) as statement
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('auth', 'storage') and c.relkind in ('r', 'p', 'v', 'm', 'S')
       and c.relowner <> (case n.nspname when 'auth' then 'supabase_auth_admin' else 'supabase_storage_admin' end)::regrole
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                          and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
    union all
    select format('alter routine %s owner to %I', p.oid::regprocedure,
                  case n.nspname when 'auth' then 'supabase_auth_admin' else 'supabase_storage_admin' end)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('auth', 'storage')
       and p.proowner <> (case n.nspname when 'auth' then 'supabase_auth_admin' else 'supabase_storage_admin' end)::regrole
       and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    execute r.statement;
  end loop;
end
$bootstrap_owners$;

alter schema auth owner to supabase_admin;
alter schema storage owner to supabase_admin;
grant all on schema storage to supabase_storage_admin;
grant usage on schema storage to postgres with grant option;
revoke create on schema storage from postgres;

grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant all on all routines in schema auth to postgres;
alter default privileges for role supabase_auth_admin in schema auth grant all on tables to postgres;
alter default privileges for role supabase_auth_admin in schema auth grant all on sequences to postgres;
alter default privileges for role supabase_auth_admin in schema auth grant all on routines to postgres;
grant all on all tables in schema storage to postgres with grant option;
grant all on all sequences in schema storage to postgres;
grant all on all routines in schema storage to postgres;
alter default privileges for role supabase_storage_admin in schema storage grant all on tables to postgres;
alter default privileges for role supabase_storage_admin in schema storage grant all on sequences to postgres;
alter default privileges for role supabase_storage_admin in schema storage grant all on functions to postgres;

-- The one platform exception: policies on auth.* and storage.* tables. Only a table's owner may
-- create, alter or drop its policies, yet on a hosted project postgres may, for these tables only
-- (supautils.policy_grants = {"postgres": ["auth.audit_log_entries", "auth.identities",
-- "auth.refresh_tokens", "auth.sessions", "auth.users", …, "storage.buckets", "storage.objects",
-- …]}, ansible/files/postgresql_config/supautils.conf.j2). supautils is a C extension, so here an
-- event trigger does it the same narrow way: for the one statement CREATE/ALTER/DROP POLICY run
-- in a postgres session, postgres is made a member of the two admin roles (which own only auth.*
-- and storage.*) when the statement starts, and is not one any more when it ends; a statement
-- that fails takes the grant back with its (sub)transaction. Nothing else is lent: a COMMENT ON
-- POLICY, an ALTER TABLE or a CREATE INDEX on auth.users or storage.objects is refused as on a
-- hosted project. (Inserting storage.buckets rows needs no exception: postgres has INSERT.)
create schema if not exists supabase_stack;
revoke all on schema supabase_stack from public;

create or replace function supabase_stack.lend_policy_owner() returns event_trigger
language plpgsql security definer set search_path = ''
as $fn$
begin
  if session_user = 'postgres' and not pg_has_role('postgres', 'supabase_storage_admin', 'member')
     and not pg_has_role('postgres', 'supabase_auth_admin', 'member') then
    grant supabase_auth_admin, supabase_storage_admin to postgres with inherit true, set false;
    perform set_config('supabase_stack.policy_owner_lent', 'on', true);
  end if;
end
$fn$;

create or replace function supabase_stack.return_policy_owner() returns event_trigger
language plpgsql security definer set search_path = ''
as $fn$
begin
  if current_setting('supabase_stack.policy_owner_lent', true) = 'on' then
    revoke supabase_auth_admin, supabase_storage_admin from postgres;
    perform set_config('supabase_stack.policy_owner_lent', 'off', true);
  end if;
end
$fn$;
revoke all on function supabase_stack.lend_policy_owner(), supabase_stack.return_policy_owner() from public;

do $bootstrap_policy_grants$
begin
  if not exists (select from pg_event_trigger where evtname = 'supabase_stack_lend_policy_owner') then
    create event trigger supabase_stack_lend_policy_owner on ddl_command_start
      when tag in ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
      execute function supabase_stack.lend_policy_owner();
  end if;
  if not exists (select from pg_event_trigger where evtname = 'supabase_stack_return_policy_owner') then
    create event trigger supabase_stack_return_policy_owner on ddl_command_end
      when tag in ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
      execute function supabase_stack.return_policy_owner();
  end if;
end
$bootstrap_policy_grants$;
