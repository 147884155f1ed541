-- What a Supabase database already has before any project migration runs, and a bare
-- PostgreSQL lacks. Each object is created only if absent, so this is a no-op on a database
-- that has it; the migrations under supabase/migrations never create any of it.

-- Roles. authenticator is the role PostgREST logs in as; it switches to the JWT's role.
do $$
begin
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
end
$$;

grant anon, authenticated, service_role to authenticator;
alter role authenticator set statement_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Extensions live in their own schema, as on Supabase.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;

-- Supabase's default privileges on public: every API role gets every table, so it is RLS (and
-- the migrations' own revokes) that keeps rows private. Reproduced so that a migration that is
-- safe here is safe on a hosted project.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;

-- The auth schema, with the columns GoTrue reads and writes.
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

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

-- Where the Supabase CLI records applied migrations.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);

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
    alter default privileges in schema storage grant all on tables to anon, authenticated, service_role;
    alter default privileges in schema storage grant all on functions to anon, authenticated, service_role;
    alter default privileges in schema storage grant all on sequences to anon, authenticated, service_role;
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
