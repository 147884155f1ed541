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

-- Units: two invented streets. 青禾街道 has 8 communities, 30 compounds and some buildings,
-- business districts and social organisations; 云岚街道 is smaller.
insert into public.units (id, kind, name, parent_id, address) values
  (1, 'street', '青禾街道', null, '青禾路 1 号'),
  (2, 'street', '云岚街道', null, '云岚大道 88 号');

insert into public.units (id, kind, name, parent_id)
select id, 'community', name, street
from (values
  (101, '禾丰社区', 1), (102, '枫林社区', 1), (103, '望湖社区', 1), (104, '锦绣社区', 1),
  (105, '丰泽社区', 1), (106, '桂园社区', 1), (107, '新桥社区', 1), (108, '柳岸社区', 1),
  (201, '松涛社区', 2), (202, '翠屏社区', 2), (203, '云溪社区', 2)
) as c (id, name, street);

insert into public.units (id, kind, name, parent_id)
select 1000 + row_number() over (order by community, ord), 'compound', name, community
from (values
  (101, 1, '禾丰苑'), (101, 2, '禾润家园'), (101, 3, '丰禾雅居'), (101, 4, '青禾新村'),
  (102, 1, '枫林雅苑'), (102, 2, '枫林新村'), (102, 3, '红枫花园'), (102, 4, '枫香小区'),
  (103, 1, '望湖苑'), (103, 2, '湖畔人家'), (103, 3, '观澜小区'), (103, 4, '澄湖花园'),
  (104, 1, '锦绣华庭'), (104, 2, '锦园小区'), (104, 3, '绣水苑'),
  (105, 1, '丰泽园'), (105, 2, '泽润家园'), (105, 3, '丰乐小区'), (105, 4, '泽兰苑'),
  (106, 1, '桂园新村'), (106, 2, '丹桂苑'), (106, 3, '桂香花园'),
  (107, 1, '新桥家园'), (107, 2, '桥西小区'), (107, 3, '桥东花园'), (107, 4, '新河苑'),
  (108, 1, '柳岸花园'), (108, 2, '垂柳苑'), (108, 3, '柳荫小区'), (108, 4, '岸芷汀兰'),
  (201, 1, '松涛苑'), (201, 2, '松风小区'), (202, 1, '翠屏花园'), (202, 2, '屏山小区'),
  (203, 1, '云溪家园'), (203, 2, '溪畔小区')
) as c (community, ord, name);

insert into public.units (id, kind, name, parent_id, address) values
  (2001, 'building', '青禾商务中心', 101, '青禾路 18 号'),
  (2002, 'building', '望湖大厦', 103, '望湖路 66 号'),
  (2003, 'building', '锦绣国际广场', 104, '锦绣大道 9 号'),
  (2004, 'business_district', '新桥商圈', 107, null),
  (2005, 'business_district', '青禾步行街商圈', 1, null),
  (2006, 'social_org', '枫林志愿者协会', 102, null),
  (2007, 'social_org', '青禾社工服务中心', 1, null),
  (2008, 'social_org', '桂园老年协会', 106, null),
  (2101, 'building', '松涛科创大厦', 201, null),
  (2102, 'social_org', '云岚邻里互助会', 2, null);

select setval(pg_get_serial_sequence('public.units', 'id'), 10000);

-- The demo accounts' memberships.
insert into public.memberships (user_id, unit_id, role) values
  ('00000000-0000-4000-a000-000000000101', 1, 'street_office'),
  ('00000000-0000-4000-a000-000000000102', 1, 'reviewer'),
  ('00000000-0000-4000-a000-000000000103', 101, 'community_filer'),
  ('00000000-0000-4000-a000-000000000104', 102, 'community_filer'),
  ('00000000-0000-4000-a000-000000000201', 2, 'street_office');
