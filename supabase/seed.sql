-- Demo data for a new local database (`npm start`, `supabase start`, `supabase db reset`).
-- Every demo account's password is demo123456.

-- Demo accounts, inserted the way GoTrue stores them: a bcrypt hash, a confirmed email, the
-- empty-string token columns GoTrue expects, and an email identity.
with demo (id, email, full_name) as (
  values
    ('00000000-0000-4000-a000-000000000101'::uuid, 'office.s1@demo.local', '街道一 党建办'),
    ('00000000-0000-4000-a000-000000000102'::uuid, 'reviewer.s1@demo.local', '街道一 评审'),
    ('00000000-0000-4000-a000-000000000103'::uuid, 'filer.c1@demo.local', '社区一 填报员'),
    ('00000000-0000-4000-a000-000000000104'::uuid, 'filer.c2@demo.local', '社区二 填报员'),
    ('00000000-0000-4000-a000-000000000201'::uuid, 'office.s2@demo.local', '街道二 党建办')
),
inserted as (
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
    confirmation_token, recovery_token, email_change_token_new, email_change
  )
  select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
         extensions.crypt('demo123456', extensions.gen_salt('bf', 10)), now(),
         '{"provider": "email", "providers": ["email"]}'::jsonb,
         jsonb_build_object('full_name', full_name), now(), now(), '', '', '', ''
  from demo
  returning id, email
)
insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', true), 'email', now(), now(), now()
from inserted;
