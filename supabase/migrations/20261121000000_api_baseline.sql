-- The API's baseline: Supabase grants every API role all privileges on whatever is created in
-- public. Here nothing is reachable by anon, and a table is reachable by authenticated only
-- through the grants and row-level security its own migration gives it.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke execute on functions from anon, authenticated;
-- Functions are granted to PUBLIC globally, which a per-schema revoke cannot undo.
alter default privileges revoke execute on functions from public;

-- Private helpers (policy functions and the like) live in a schema PostgREST does not expose.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;
