-- Demo data for a new local database (`npm start`, `supabase start`, `supabase db reset`).
-- Every demo account's password is demo123456.

-- Demo accounts, inserted the way GoTrue stores them: a bcrypt hash, a confirmed email, the
-- empty-string token columns GoTrue expects, and an email identity.
with demo (id, email, full_name) as (
  values
    ('00000000-0000-4000-a000-000000000101'::uuid, 'office.s1@demo.local', '青禾街道党建办'),
    ('00000000-0000-4000-a000-000000000102'::uuid, 'reviewer.s1@demo.local', '青禾街道评审'),
    ('00000000-0000-4000-a000-000000000103'::uuid, 'filer.c1@demo.local', '禾丰社区填报员'),
    ('00000000-0000-4000-a000-000000000104'::uuid, 'filer.c2@demo.local', '枫林社区填报员'),
    ('00000000-0000-4000-a000-000000000201'::uuid, 'office.s2@demo.local', '云岚街道党建办'),
    ('00000000-0000-4000-a000-000000000301'::uuid, 'district.d1@demo.local', '澄江区党建办')
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

-- Units: an invented district (澄江区) and its two invented streets. 青禾街道 has 8 communities,
-- 30 compounds and some buildings, business districts and social organisations; 云岚街道 is
-- smaller.
insert into public.units (id, kind, name, parent_id, address) values
  (9, 'district', '澄江区', null, '澄江大道 1 号');
insert into public.units (id, kind, name, parent_id, address) values
  (1, 'street', '青禾街道', 9, '青禾路 1 号'),
  (2, 'street', '云岚街道', 9, '云岚大道 88 号');

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
  ('00000000-0000-4000-a000-000000000201', 2, 'street_office'),
  ('00000000-0000-4000-a000-000000000301', 9, 'district_office');

-- The campaigns. Street 1's is in its plan phase with the filing window open, street 2's in its
-- pilot phase; the dates follow today (the seed's 2020-10 → 2023-12 schedule, moved), so the demo
-- is always in a live phase. Phases, leadership group (attachment 1, names invented) and member
-- offices as the plan sets them; the workflows' history written as the engine writes it.
do $$
declare
  v_office1 constant uuid := '00000000-0000-4000-a000-000000000101';
  v_reviewer1 constant uuid := '00000000-0000-4000-a000-000000000102';
  v_filer1 constant uuid := '00000000-0000-4000-a000-000000000103';
  v_filer2 constant uuid := '00000000-0000-4000-a000-000000000104';
  v_office2 constant uuid := '00000000-0000-4000-a000-000000000201';
  v_start date;
  v_instance bigint;
  v_campaign bigint;
  v_street bigint;
  v_event bigint;
  v_app record;
  v_form jsonb;
begin
  for v_street, v_start in values (1::bigint, (date_trunc('month', current_date) - interval '1 month')::date),
                                  (2::bigint, (date_trunc('month', current_date) - interval '6 months')::date) loop
    insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, created_by, revision, created_at)
    values ('campaign', 1, case when v_street = 1 then 'plan' else 'pilot' end, v_street, v_street, null,
            case when v_street = 1 then v_office1 else v_office2 end, case when v_street = 1 then 0 else 1 end, v_start)
    returning id into v_instance;
    insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, created_at)
    values (v_instance, 'campaign', 1, 'start', null, 'plan', case when v_street = 1 then v_office1 else v_office2 end, '{street_office}', v_street, v_start);
    if v_street = 2 then
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, created_at)
      values (v_instance, 'campaign', 1, 'advance', 'plan', 'pilot', '{"comment":"申报工作已完成，进入示范推进阶段"}', '申报工作已完成，进入示范推进阶段',
              v_office2, '{street_office}', v_street, v_start + 150);
    end if;

    insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id)
    values (v_street, case when v_street = 1 then '青禾街道' else '云岚街道' end || '城市基层党建全域提升行动',
            extract(year from v_start)::int, extract(year from v_start)::int + 3,
            v_start, (v_start + interval '5 months' - interval '1 day')::date, v_instance)
    returning id into v_campaign;
    insert into public.campaign_phases (campaign_id, phase, starts_on, ends_on) values
      (v_campaign, 'plan', v_start, (v_start + interval '5 months' - interval '1 day')::date),
      (v_campaign, 'pilot', (v_start + interval '5 months')::date, (v_start + interval '9 months' - interval '1 day')::date),
      (v_campaign, 'rollout', (v_start + interval '9 months')::date, (v_start + interval '33 months' - interval '1 day')::date),
      (v_campaign, 'acceptance', (v_start + interval '33 months')::date, (v_start + interval '39 months' - interval '1 day')::date),
      (v_campaign, 'longterm', (v_start + interval '39 months')::date, null);
    insert into public.campaign_leaders (campaign_id, position, person_name, title, sort) values
      (v_campaign, 'leader', '陈立禾', '街道党工委书记', 1),
      (v_campaign, 'leader', '周明远', '街道办事处主任', 2),
      (v_campaign, 'deputy', '刘安平', '街道党工委副书记', 1),
      (v_campaign, 'deputy', '孙晓岚', '街道党工委委员、组织委员', 2),
      (v_campaign, 'deputy', '郭文涛', '街道办事处副主任', 3),
      (v_campaign, 'deputy', '张海宁', '街道党工委委员', 4),
      (v_campaign, 'member', '王博远', '党建办主任', 1),
      (v_campaign, 'member', '顾雅萍', '社管中心主任', 2),
      (v_campaign, 'member', '沈柯明', '社会治理办主任', 3),
      (v_campaign, 'member', '黄建华', '环卫中心主任', 4),
      (v_campaign, 'member', '姜利民', '城发办主任', 5),
      (v_campaign, 'office_director', '王博远', '兼任办公室主任', 1),
      (v_campaign, 'office_deputy', '朱玉雯', '兼任办公室副主任', 1);
    insert into public.campaign_member_offices (campaign_id, name) values
      (v_campaign, '党建办（组织）'), (v_campaign, '社管中心'), (v_campaign, '社会治理办'), (v_campaign, '环卫中心'), (v_campaign, '城发办');
  end loop;

  -- Applications of street 1's communities, at every step of the way.
  for v_app in
    select * from (values
      (101, 'draft', v_filer1), (102, 'submitted', v_filer2), (103, 'returned', v_filer1),
      (104, 'approved', v_filer1), (105, 'in_review', v_filer1)
    ) as a (community, state, filer)
  loop
    v_form := jsonb_build_object(
      'registered_households', 800 + v_app.community, 'registered_people', 2300 + v_app.community * 3,
      'resident_households', 950 + v_app.community, 'resident_people', 2700 + v_app.community * 3,
      'compound_ids', (select jsonb_agg(u.id order by u.id) from public.units u where u.community_id = v_app.community and u.kind = 'compound'),
      'creation_type', case when v_app.community in (102, 104) then 'demonstration' else 'standard' end,
      'demo_compound_ids', (select coalesce(jsonb_agg(u.id order by u.id), '[]') from (select id from public.units where community_id = v_app.community and kind = 'compound' order by id limit case when v_app.community in (102, 104) then 2 else 0 end) u),
      'social_org_count', 3 + v_app.community % 5,
      'measures', '坚持党建引领，推行“社区党组织—网格党支部—楼栋党小组”组织体系，深化“红色物业”，每季度召开“大党委”联席会议，整合辖区单位资源开展为民服务项目。',
      'brand_name', (array['禾邻红管家', '枫林同心圆', '望湖议事厅', '锦绣邻里汇', '丰泽暖心站'])[v_app.community - 100],
      'brand_goal', '打造一社区一品牌，建成可学可看可借鉴的示范点。',
      'milestones', jsonb_build_array(
        jsonb_build_object('content', '完成小区党支部组建和“红色驿站”改造', 'due_on', to_char(current_date + 60, 'YYYY-MM-DD')),
        jsonb_build_object('content', '“微网格”全覆盖，开展议事协商', 'due_on', to_char(current_date + 150, 'YYYY-MM-DD'))));
    if v_app.state = 'draft' then
      v_form := v_form - 'measures' - 'brand_name' - 'brand_goal' - 'milestones';
    end if;
    insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, form_saved_at, created_by, revision, created_at)
    values ('application', 3, v_app.state, v_app.community, 1, v_app.community, v_form, now() - interval '2 days', v_app.filer,
            case v_app.state when 'draft' then 0 when 'submitted' then 1 when 'in_review' then 2 when 'returned' then 3 else 3 end,
            now() - interval '10 days')
    returning id into v_instance;
    insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id, created_at)
    values (v_instance, 'application', 3, 'start', null, 'draft', v_app.filer, '{community_filer}', 1, v_app.community, now() - interval '10 days');
    if v_app.state <> 'draft' then
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id, created_at)
      values (v_instance, 'application', 3, 'submit', 'draft', 'submitted', v_app.filer, '{community_filer}', 1, v_app.community, now() - interval '6 days')
      returning id into v_event;
      insert into public.workflow_snapshots (instance_id, event_id, form, street_id, community_id, created_at)
      values (v_instance, v_event, v_form, 1, v_app.community, now() - interval '6 days');
    end if;
    if v_app.state in ('in_review', 'returned', 'approved') then
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id, created_at)
      values (v_instance, 'application', 3, 'open', 'submitted', 'in_review', v_reviewer1, '{reviewer}', 1, v_app.community, now() - interval '5 days');
    end if;
    if v_app.state = 'returned' then
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id, created_at)
      values (v_instance, 'application', 3, 'return', 'in_review', 'returned', '{"comment":"特色品牌项目的任务节点过于笼统，请按月细化"}',
              '特色品牌项目的任务节点过于笼统，请按月细化', v_reviewer1, '{reviewer}', 1, v_app.community, now() - interval '4 days');
    elsif v_app.state = 'approved' then
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, actor_id, actor_roles, street_id, community_id, created_at)
      values (v_instance, 'application', 3, 'approve', 'in_review', 'approved', '{"opinion":"同意该社区申报示范型社区，请按计划推进。"}',
              v_reviewer1, '{reviewer}', 1, v_app.community, now() - interval '3 days');
    end if;
  end loop;
end
$$;

-- The streets' seals (placed on the printed 申报表).
insert into public.street_seals (street_id, image) values
  (1, 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAANwAAADcCAYAAAAbWs+BAAAQAElEQVR4nOxdB5wURdZ/vUT1ABXl8zCQEXZmARUDYiAYUBAVUeHMeuqZTs+cznicOed0Bk7FO/VEjxNEERUUz4Cws4CiggE8Mwooaae//+tXs9M7dFf3zPTMzuzW//er6Z7u6lyv6tWLFWRgYFA0VJCBgUHRYAjOwKCIMARnYFBEGIIzMCgimpNByWMe0fY20dFJoklxopctItu9v5rob+g5a7A6o5LoPexfRwYlCYsMGhQJom2wuBcf4hUsH44R/TCXaBP0hG3xvw22twH1tMH6PVjviuV3KONBcd+ByJZjWy0I8a7U+bD9JyyOxHJmH6IfyaCkYAiuyAAhNFtAtDWIpCtKFxBNF2weiu27YIlN0bL5OO/XWHyKD72Il/i/iNdxkU97E33JBEsGRYMhuAIDI9huaOR74EXvib89UTp71WMeUfcx3Pu91jOPDzqfqx4T4EKsvoryBljWmWRQMBiCixAgrpbNiAZgmNrTljIAL3gDyhI6YvHb50V4YYku4zy/4Ji3sPoaltPx/20Q4RoyiASG4PIAhoVWaIkDFXHtaQlb2IoiQEoqUgIfaBXKLFsI8DU83Js9iFaTQU4wBJcleA42n2hfjGJHYf3AXEawcoUaMZnYnsFyPCSiU80cMDsYggsJENkOTGQoY/HSOvC2XFi2coZbF6Ge+38oT6CMB9v5ARkEwhCcBpiTbYFGdjxe0rH424OKANdc7FssfyYpECg6urVqbJuDfcOw3hHLp7CswLa2WN8C6/35cHVcWyouWF1xL+7jziqRjBp4wBCcByC233Yt0fl4OUeQz5zMTzoYEjaOW4LjPsb6JygfWyKyPx1lY5TD+ji3IQDhL8aik/r7Dgs2PM7ZHueIu/6fiDLBko6iO47pppbdeYntHcPeejbPiLrrUPdR6BFv6EX0IRnUgyE4F9CwB2PxJ5QDgupmSWg8Kr0O3dcMrNfExCqEr8fX6a/qYDMdotZXo/75GCluV/UWkyI4bK+scjjc9e59JBYT1d+ZoLzdKADzQKB8PpTdleqiD+UAzbt4Hvtuwf1OJwMHTd60i4UgaP2HYnku/u4Q9jiN2H4l9r1Nos9yChr/Cq+6ePmJdel9i0gRHM6xuMKhocKiUq7B5R/8f4FYteyK1VNQ+qFsTSEU8ZqOZyT2jcQF3sHyhkoRtiSpCaPJjnBLiTb8HmyXJSNaavTI6YXguOVYPA0d3NPg9aZiyFpLWaIa8zTLGXSc803CqDAitS8HljLUCOcFdD6HqblhHXDeF20Z/VsHHa/TA9pi4XLLJkQPdfR+hkaPJuctgI9uoVGdDGJbjMZwK6UbclbExkINLB5Ad/2TJTaPg7HeJxdiywa47jEgxkGZBde/hKJBi4zrPcyjP/jdjUnY1jdtjSpAM/Lzvi5Y3o53vwgdzPF2E+zwmxTBYaTYCcT2gS3GwpvzNpsyTO894NrPYvC7cexQjCBb4OWNQ2mn6syzi8AGFhogrMexOA1lGsqd7UWQcxse7NGYeCsMRGmN574a+7/xO0/m6Jax3gHlIXyL2fxNqAmhSczhwKf9FqPPTVgdm7kvs4v1Yivx/1ks7oyLvaGDuUS9sP0aK33YH6tE4lj2wHPeTVKYxdwOz7gXryeEDTxeuf9cxgXSmz1rhfiYcOokum4JroZV74vyNka7x8GOn4c53lfUyNGoCU6ZXl2ABnEBPviGYY7xILah6NmngcC61og0j+drF9vCYvVNVUO9s0lGhoKCRe7VHvMfW+ZwkUMJk1IYAaKbrQQgrHJIQkH4GrbvwaoUUOFfsD4Kx9jY18xK37MWrH7BNzoIz/VXTBJvasymY42WpUTDGI2vtgAf/8qwxKbwvS0SQwdYP5yX6IGHs2gfq7NRumOic0iFzAFT9Y5bqNjUQqIIc7g6sK8e6wRT//G8R+M9HA5uYXd0PnNBIKcsVKMa69ziIu3tiHu5jUQR/ksYlp2BYzZCGbcKDAk4koOokaLRERwoZWM0hH9h9Z/k4wrD8GgIn6Kc3k5E4Se7th+7QKw6dlHHJZiVRANbDiq+h5RYn20qQeCnU+PCWVaaC5qNkX4yRrSPQOCntBAi3wzPPAvv+7wF4iTL7Oi3aFQ3thPHWu4E1rillkGwxE/wX/wNFxbfWqbgaFQsJXrkgStBaPhovw1TPzX/QkP4AevLsVwIavsV26ZWS6gC1su1hNhxFtbnY/++aGwvpY7vQrQMPf092H6ecyKiM74guladoyAoFkvJXuck+rgUrnfv31ZGsKvxzq/DdY/BO3oJ64mEmJ39iHfQB+tzsK+l696ZVQzlTYG6B62S841tTD56jWKEQ2NrjkY4joTl+22I+gwW3zPryPMvCOPoixQxLRJ901xVfSL2P8C+YW5iSwHbbyHlL4b1TX4m+j3lABz7G7X6OUpvFXrB696LwlJWiGlYSu/2A4ngaD2wrxzKA7iHAbi3nriPrVCqcP9n4f9jrqrfYeT6ypIOKlTMFdTdmt2C8G2vsB2uvvxR9gQHfr9TQkagiynk86DuTHy9GD7if1PbsP4ys0U414UrxLaRG8WTKENQrkqqAREff2/UeRhlR/6vJGuPus5zjp3le1U6qSm8jvsahQs9zffGQhpXNfZLY0npR37nscVo+EGc40zKE7aYl71G0pnwaLcIz3zBIhEWrYf5Qmzu+70S5XKUIXgZVbjvzfuAKQBbemoLUdC/QiGghC+X49oz5rl0puWKQgi2ioYaCZbD4us2IQ9hY+H/xsUomRs6S9ocoQh4616gsBtxvg/RYG9iQsL+M620YOQTNJaeuOY1WD+fN/B8DufqN08UukwIzvtkqVtM3Fa0+JBoSwyzD2B1P3W+e3l+xCMsWOP3SOwcX8f5XsPy0YZQO+Ad7GqJTi7FCn6Ge3kRRHN9L5dwKSHPkRrd5+H541bAtA3nHo46N5OEngiDFah/fEzm52WJsiS4OZBoodf8m+WSoOmAr/4j6l6FD3Wn5WJnXATH85HDQGhLertGkISweUtJEbQlTqesCO6J69+NycltPcTihM/1lOt+ZoMQtw+6L5z/BVImXDjnAlxsuy4ykjkjN0bVl0ms+93gEedjZeniCUvcdVghvwz3eQkLOygHKLaWCX8zdY9fVogqZCdbBEbvo9yCzurTdUJ8LdX1j8I1/x7mGjwdQCd2BpaXW8qIIAQe2RQqmHI0Dys7guMYjWiIz5BGApmBVzERGdPdwyoiIT3l6NR/thfMtGwHId1gKV0Uzz3Q4C5E47oXrW5lqg4LGECsnW1pgKlz7YNzTSUNasRdBpdwLDcGYFSd5d7PLC5GwNtw/eMoB+Ce+vcWgskaSuc4gcSNx3l2nG9n3OP7HLvFlohfKWudb6y0U+6n6Gx6ZGuknBB/PuYKBoc85BO8s8MqXe+8HFBWczjWrdVKo+wcVNcWocgF6GmHdvc3QfqN+48ltoJ1mOuol9IjDIvIcd43UsT2LlELltKhIW4fE/3cS66651IAYsLisrDjiUxiY7DqoUosO3jOcy3KZFvUF4GNGfXm5kJsoP7/42eypeNJEduXGMX2cDXuE620znG2S3XAz32dlYNHAB7wf/ytsHpRSKFKt1pRSRxMZYSyGeHwYv9gCRsTBqF6v4T4p/Wn9PxkFVpKxw3AskJ+fYMt3tTsxXxyaq4HPIPGMVpZ97NQ5W78v593YFQYYtcXBnSKi9TRF2zAi5Es3ltGuqIhIV4SrCNjAmbPdiYgNs/iBlyh7u0LrDwLfeMVrAJR25gF5I6ikzoVu+CsTYoKpQXW/5pvlK8suRieJ56Eaz5IZYCyILiECCouDFn9MfD3p4Th7xPiCPqoIiiOaswv5GIQ6vUQaPxfL5m/MSX0sZypYx3YhIl1b9fFRRLHX70Cx/RY5/LU5jldqU7wWdqIyWLfWnFC7YJ73RKbN7XFS3s+CG2WGrXrQQmqxqu/H+D5t6MCINt5OnBV6luUMkqa4Lj3B1GMt5RUMQBZS7BASF/jo/bGdX6Hv3eozewR0Cmzl06IN/VI1709zOweGuCm6I1PwLVPogwBh5VmNRsNqiWuSsrvjpXSE6iAwPWOsiSUexhJ9AMx6TxtKlGU7ByOJ+ZozJPCEBve7nt4kHg2xMaCDhxzF8fyx4j4NxLlLoMn78e46/K8hlwWE8CUuCiGebKyN87zni2K3rmue7qvsREbWL39U8TGI2FMeYoXEujUxifF+zzMfPREtJnnE/W/VUmhJEc4tqEDuzMZNzeA/2vcOxj/xIf/nZVnxpiEuJhcmrqFmGO95Gxnu0p2w9lY3ctcSD137yGRsbzum4UIk3H8GVYjCyeQECliysWJlfBn+NXFJK+DRliVNXjuCIJ/xs4QbPmATcGG+YW2aEiUHMHxh/oVggerfgQqP9wal8l/VNdlUbfj8YwPe4glViZul5uFILbddA2JR87GmrUmIdYw+6T+4x39DeLJ63pnWL+g3ulsexoLaU2S5T08isXRQfVY3YJhboiy+SwZlBTBsaIZL+otP2JzjXS8emE8w6A2guvfRzIX4wu8y8S1Wnr1USQClAFBUsfGjPmQGkLI8h+SOJlusL3pvRyJmYUq+H9+XKKQFQTKYPwPQfXYEqg9dIelpCAvGYJjnVZrMSHSBr/BS6zFTY/BB32a/8+X5BmDkmIB0ZvDHuQ6twDL0iNZv7feHdeZkRAJ6fdxMV9q0uD5Ed7/ZUnRxXXwqcad4XVUQIDo7kgqd6iARjwN7WEfq0RCspcEwdkS2Oc5CubPV+GGR7hZFTSA50nFkUxJDikPsB+WlXaAfB4N50AyWA9KHzcay3Ot9cMLTo+HtxjJGdxmQHQjrGBPgn/Gw6sXCoqSkFLWyMgRRGzL8FZ3y5wXWGnJ4MzV9R1Hc8UNrvWRc5V+zqA+WEjFKoEqMRxgLwGOcbLUFi/vSVRggBvZJSnBa5vZyv5Ug0PRMd9JJYAGH+EwolxiiSJZh2Wos6MyhaoHnjPgxV+FnqN/LC3az/ee3lQS0qXtoFsrpEOpQfbAN/8dczOUFv/znJ4FVZsGHFpwVjcIDTrC4cUdEURs/CZbSSAfL2JjpfNZWB0eFbExLInwNRHX3dkQW3Rg6xHKExiprrIllJ9b18be+GyosDzg8GtrwhlRFAwNNsLhxe1ri2I7jCfvJxA/D3cnh1gkPmMv4Rx/8fLE9gIHp6mUuaJBAwDffBobCFS5DASyOJYJjFUCYzJ2TQMVH7JSBF7/VnFCfcM4KKHb8Lhy+C02GmSEU97Sz1nh3ea7rZX4hXvzHxayrBR7vn+EITb0avvhmv/lcHlk0JBg/dwT80LGnEkBvexmtsQEzSS2B1kC2QVTjrjkL+AYLGya52twoNrccymP/WKj6CMcm0lZEqF4s4CqH+Elz7Pqh0xLWmJCxb5nG1bVD3JTB45/gY/aB299fxL3lq5q+1NV6380gyKCO02eRmAYGhSGXVcBd/9jOTGb0rAlu9ANmfVr7FOaiAAAEABJREFUJMTFjRSM70B5vaBQ/J6KiKITHCjtDdLo2pRyezVYyN69JI7GlSQSMHedX5WrzhpVeKRmG8gO2LcViXV/c49zL6haX2lrUGQkJBTDARidDtIZGnP6MOx81qofR4VjrYytklCIngBR32OFU4y/XKW4pmKhqASnFMjXBNXLjAmiMrpwBCg3bz4F2+5H3QNt8cnamMJhiDtkuUHDoFpGJ6vKx1EX+08gyQFR13HiO3/Nc/kgx1pbUpBx+Ir9AuxwHUfhmAjJioKiERzzzLaI231jYdoSH/Lf8QxrfXU8s4JPZtTnoKwsoVyC/btbMnLuTMJCbmWLQyRHsvqShMefipn3tMYcSrtcoIwdOGHjcyC6h9z7EuLdnjnfnofedt8e8i0DwRJRsIzvkBgw76i5D87YumOxcpQXheCUjeR8S9g9T9jyIr/BMLVbJm/PIcRXS0i7zh7HMUGNqHKswwzKCV8QbfATuA18w8tY+KUkzxx86JCMqpPRSx/WK1jsXw/zidqvw1wf7e5F0th24vqL2hPFi2FzWRQpJbODAcTGD7qsNdEwD2JrtUqcPz0n2JYIYdjecTQZlBXUt2ah2I0cnmKlBPLNJLa7Y6ISyorYGCwQASF/wYI3W0NMLJCB5OReKgIKTnB4kcdZwYFeOBXt4T0yQr8x24GR7XGWUtnru2S4rfZ5bvfPhBH7lx04eBAboyfFJraO9WN9GevssP+0fP0KYxLY9xRdHew/KuGRzixqFJSl5DBwSYkv75u9hn2qwGtf6pUbLCFmOB3iKkxctbju7KJ2s20cuJL1THU4ceAJpWIdbhAO1eJn9x9lG/kLRoLRMWEFI0NCZAC+aiFcd2VzCei0mAqEgo5weIAnLH2qqI/BRp7qRWwspcLxu6xS/mmMinTcET53H+UPdyjVjz9yDAh96qLwUkuDEgDP4SrE2Xc12syuURMbo514kiz024/rbrTOFba+ECgYwdVIYB6dNn8Vi/O9JIY1koHlLBDjAf1dObNtibnvxIS0JM4FsyS8bTDVt6UcDNHUrAUZylKD0kZMHIDvwvccRAWAa87oG8YP7WqPGunEC4KCEBxLn4K0/dj/pypHkFQf2FCFfXeCzRyRGTckLnEUU2G7OZy3o2LAed5sJtb9dbH3LcnI+Y6K6GtQJoiJf92QalcohygRF+ulc3V1bMlpXpBARAUhuJ/EMkRnLzexykcqBCK5BA88BmzmZz7H/ju1Uu0KncZxNSyJef9WahvW21p5BiU1KC7Y8qSdzLOuSDjJiaIHiPoOW0JF+IHb7qVUAEQuNGE2Djzgh6lgPJnAgy7DpK5zN4cus0eNBCvlwDAWlttUieCkDqpnYl0OswUcFfk0Mig7sIEzpF7PoBGNRiecrBAD5lVeblq5gA2i10rUab94l2xC1iOzfeWLyEc4vJzb/YhNXfCyXImNwX5vtkqT1Mzj/lWCQDYFuxS6govIoCzBgjR835PWipDjK0i7q5MRfk8VzesKTRVWNd1GESNSgquRsHIj/Paz8XClRNHNC5byi0tqLL3RM43zih1pUD6oFK8S1uGm9HCRzqtikvvPd8Rk/TFG2r0oQkRGcCzASAZHtTrBiiY46gJcb20pBvo0iBZV4mScmha0oAhhCauqVYgnJSRfZHQS2Ykwup1t6QPuPM3SRIoGLN38mgyaBJSA7RYrnXM8MlRK0suJmirdayJI4ZxCJAS3SF6ETqqzulVEEZIVllsRTZ4NygNg/87BnO7PVADYErJd50FyaVRqgkgIboVYg/hmN8EDXRvWrSIMbNHHvUMGTQasLog6h948ZSbIkkhb7xPHkvG84p2mkDfB2aJaOEuzn621/0oRwhLrE0NwBjmDnVSTkjXJQXPR736lOeQ8igB5Exz421GWxoTKkkR5kSqfOVEEWNTXyMAgAGifty71sOe1xBthgUorzcKR/raLAD3qd02Ey9yjRRQj3Dmafd+uKoAxKCs/o0yFZNC4AMXdVioWDrfBR34gesGL6ND4p6Dsp9ZfAFFtaWsyH+naeljkRXBgqPurCMWewL4320kyw/VQExwl18AgJ3QX1tDJN6FCJ7wJopvxoaRVrkNSzLvYUJ6US07fioxwD26wYXNCksbkjLwIztI4fCoHwuG1GVYlPOcDoZ5nl2jua4PSB9rPcN1+5Qv5CYhjG/4PjugKtLflmNe8l3BFjFPCks0WpdUNHJiKDe914fvycnLOmeDmS3yRUX77VcDNmewajxe0NcpUlG544Fct8WObQQYGuaGfrQlGpcAKc4cwFQEeppavgbu6PiXmx7bXfxULKR4MXrAljunjmvMenjlSZoOcCW6d6NU8j7eVtzXzyAkZ2tnrewNQ4JZY7qmqhQpPbmCQCbSh6RDpH6Wrg7b3b9TbN/W/SgwlDrbFD5MljomE5Gnn8OuOK1BcIgosI7GG8rOIqliTh045J4LjKFykksr74ElbNPgzsByPh9gE61Og1X8d6zdg208Y5meRgUEOAGHMRBs6ws4IlY92eQx38DxtUVEENnPXwXH/xbC4hy3THKiG6X5un0lFmKzrsyW2yhhbE2gW9U5SNJA1ciI4S7LebKA56bXY3y4mUZaPVJsdx1GM47djMUWJZa1EtBYoBk0HbyZUBlQXWMT/PLb/gDKZ/SE5nZmb/eQgsmifA0nFLeF2itJLTZG47bKZFzs3f665Nht55BRwKCeCS+ovNqVW6Tj4T5UoFGfEVNzI1URDOSArRLdtExId92YsT8o2wYNB00aFhLq/6ENXjgpbeY+oKNz7Wk7zo0fQvn6G/OAl7tx5xENbrEEb3t7thForXt5Tkmr+hvMfbUvYPj8Uh+BARR1d8zAvsJHpvhUqHZAipM9TMeRtSbDx7mqJhJySNt2HB12KlzIX5TaWQn2hGUENDBTLOGmNCOAc8PxLxZ+sZ2jB3JglOQRu5v9MdC2I+mB1np2O7sZK7X3U9IfRvkKjkwMGf+yf49wXWRPcOp9cybaUX9B7TGWCa6mEIknJAzdZ1WmGfR1Rp9r28FXjHgnljxzuHDPXnzifGIjv4hpN1FyDJo0b0VaOq05Ly1ewy00rCXN/Pq0foWs12tQTKN+DyqZbEj/FN2Wayr7kS3QYNA6nLJELS+kZ10/FamgF4piAh91qIxVdC+vDWiuCw74B+D9LiWcvRpnNk1Pbw41deY0PxnKcLRKllxeZ0HcGLqggVBNQHmKVky0W/7/B8NaBU1lBSNKTxMNgtor2xpHdOFJ3O59TzkQ5o7m4mXGMnBY4bonf9ZM5pD7LiuCU/mFnv/2qtziUR6ofZOI6Ees74AX0f1dufr+KdNStSo7OhRczCsu+KvgPZ9fhh7Y9Tj8Ub+xYMjBwoYVE4GqJdvZKhWLxkulgwdzAx6MxLUSn3xF/P2yWTnHNbOd07LvSkpGMLVKmgEjv7CUhPBy7SksTyIjjZ1Y70ffCIyuCWxug+8gAx4Rgvrg7T05biX7jqF/VRJTZzmYq2GeFTHAncsJzlN1Qf7aShLK3bV34c9sJRWFgkMa2MgJdjtLJlpAJ3J6qUvtV9LdtuoPdxMh1PDucol1tj21t0NYGo+IVINCh+D/XlqUDtsFU87sK2xUb1QNZsZXZspS6MNHck3CiPQ7O4jU/4ywmcziw60IhxrapiMtK8eiMfHMxnKPeIs4Ph3Kq5bJts0yCewMPgHButUWv65ho2c6mNNBuZoH33EmNXCwQmJ3yYMEItSv2n2OJqmr1XCU0UYryF9TxutAOWbGVoQlORTH2NdzETd2Bu5qG1al4oPaWWGEvTUXYUnAkl6ugfGRrAdf2vnEnpZdzQ8NsV5hrlmqifGmLO47xgTNYD2hL65QiPJUhZygI6amU6w23J9tldZJxrCPlxCj3NupMrahf70FVRxcefYds2MrQBFersZtkguCk5mvlZifzC6gQ4piDnqLrRtJrzEipCrB/mLLUdiItW/U9efdtoQgO+3pi31fotrrjPIPiGQkZDQxSgIz/U7SVq1P/sX4Y2tt8yBG+xfp1SY9IzgkJkT9Q1WfBHUvW6wguLlmbuC2zVZVOER6UHaoOoQnO1uveHlPLfVooQlLmMlN5vbOY0rSpVD0FzrULHuZtXoeaYZilVAjKImBTdEtL+T+IfG8Q6xiTsdQgDGynOa0HVoxzHoqdM6XcdloP/B2zmFUyj+s/X7V11h1ztILewl1N8LtugF66HrKZww3W7JukiKW9CrDJBMd+Rs6IViN8shOxSw2/XyrVgCM8qVUjGpTke5DLiwAv4a4uImwxMAiEVd9a6Q23sIMl6CszYkxa6f/ueu+zjg7ttJoz78ZFIMOEMsn/yhETXLVo5f2MNVfxaAWi2sWqH/YgFndoyME+dlodMMaSAJ88jG2I7Rv2UcpFJTzRPZiBgQ6dXOu3WeIPx3kuXlTS7jp2cZEIWByZhO2ytbQUV8bWKe4Eob3FYHqdz3XbVztVghGK4CwZefzALg21PC9LiflBTf2s+jm3h6BMS0j6Kg4odBXWl3xP9HfU+9BW98GsZkz0cAYGucCtM2vJ2VVRrkbZH+xiB7Sv7VPs4sr6Zll1UshWabexR90nVm38LfJBhZ5G3PVCwXfITBl4JkXsOkvd3H62YieVmHUt/m/EViVWujdhm0yebB4L4vsO5RE2+5onejiLDAyygIpZ0iv133aE4fWBRjWb2cWEcF59Xds3Ttnuqlg508kjirilMWa2Q7KVYQluiOYEb8wXNcB3LgPlvVqooVmJWSc3FzeIO7H+SqYiURmMHoPSgwkYL+RrlPtqREXQjAzqgT0tTLLJ+vhRYuvUddSWh0mWpQYBEp0wc1JDbAk2tGKZcs9hsEKcR8fM45N674FoCG6BWHd4BvxhnrYlhBy4+bbNXJlIsH4+h1ZQdXheNoXzt+EhrkXZCze+CbYfgu0P2R7Rt3C+zbE4ifUnNQXIYFLugMj2IPRYo8mgDpaL2LhdtvMIGttSYpawsO4xzsKEtvhqlcQ72ckK4VDaWmQUfp7gHefqQ/07CIoLwbNEHW/6rhLZL3JvZCc/1986pXbdBjEkfVYVnvPtyPZsSVER7JJxje5kkAmOBcqZXW8gAwfgB2esEJ3b5ijPbe1hldRD/OKmYZ52v3u7VyZeL/QQbwOWTezktV/N4z7VnSNwhNPxppZ+iGVGOW450zg9WGmOHudKPPiAVjKZPRblGZTltlIzGAjUXIOteHY2TrtpgL9e1UIM6y9CGzrVrx7a2D75hN2382QrA0c4SyWv97n4G7pjMXb3BEX/g7KAEsWyhOhRFtd+bHJ018NPkhTeiTil3ENuIQMHylbyWiog1CDjlyO8HwUgkOBIw9KhR3mfNKhSLGOusETvEVkSkEYCt4kdz4MNwRURGD1n+5k9hfFm0YrfOWT0av8cx6vjBcjXZeAPZichTfveSoefsMFBbFmpT0JhEDEwD/zF8gkBAqLbokqTu1A7hydl83cAABAASURBVMPw0s1vH078ERkUFWAnh2d8aMs20sqiw9ILRrpp9gUSXHfNRReSQbFxSOaGpMc2g4JDlxdcK1XXElzAwSYDaRHBobkxmh2YuZ3N7tjwgAyKBlvf9nMnONIPj2aEKyLwofb3mTdYfpHUDAoGHcHlzlKShlptM8IVFbX6xCmGrSwimhVwhPONWNTSjHBFg4rneZBm/yDDVhYPViEITllft/LZvXpbTbw+g2iREGfeNn772blSNwIaRAtO3qjxjdtU5+3iS3C/6I05jd6nuAhDTIatLC58dW3z0uHS14Mvwf2q6VFBwSvIoCgIYidd9fZaoPlmBpHDlwZszWDlS3A6dwVLhTE3KDwS4osYmA+d2cq1RIeSQbHgSwOWpuPT2VLqWEozwgUgIYasocOn+YEFImHr4kOfkagf1yNXTI2blNBB8KWBnAiOD7LJF2aECwAa7Ac1RNvZkoAyp2yZjCxjTfSjEBbrGrBd7kWG2IKh4/JqNQTny1LaZoTLGzGih20hgNlU+ljIns9x430QFjoayJ7gLP0E3IxwIVFF9ElMPITZTytJJQgQ2n0bEfWpCuEsbFAH3Rwue6EJmREuMrBfH0aOi0hc8P9HJQIQ2jI0gOEgtD908YhyZaBFtCMc6QnOjHA5AEQ3MynWOy9QA4NDBTTDvVS68lwbZAUdDWRPcEnNfN3OLXOqATkhrH+MS968k13ZXoqJNbju+biHQcZxNXfYmumBlYulCemHzJylbgYCNPj7m4sUs5qKBFzrU5QdOR1vKoaoQc7IacplCK4BwbE6IYffAS3/Jio8ATzYHjIcIxiJDNESXIUhuKKAM8KCCM7FfGqwV1DcfMGCETYNw4h6YseGYWEbJQKk+NkTnGUIrqjgHGQtHdVdXZahvAFie5MFIzjpRDKIGjoaWO63w7CUJQTOrYcPcg1FBHSaNxvBSMHgSwO2mcOVD2qjdbMxLjuFQ+RzOJ2eYSMyKAisaOOTjEioKM0GkUPnvpY9S2nmcMVHjcTGjzK0OzeKYWQQOeyoR7jmeoL7PzIoBArBAprQCxFDGX5s5rc/mQvBdXMC/ZJnGHXOYjrflcDOIBrYhQl3N8oktYwW84i6Wv7vdHVfzXRMa6KlC2eeDIi/Z5AdlMNqKOdRW0Jth3X5aYNzDyWDyGDr2/48zb7AyMu6UHgmUWK0CMVO4mOPZ4uRVZjvWSGzw1om9ELU0MVr1YaPDDJC9o2/lzQEFzWC5lo8LxhbRXQ0W4ywhQoU2mdZkpwxKGnlKDtr53EDDXJOARBEcDpqNSxlRFB51Cs1VeZAiNUnTjQhc0dMLFNAh/Sq5vhNwecMJoOo4Nv2rXxGuHySFhiExzp/lo8Nmm8B+7hjr4w86m6AEP8HwhuKypf6BSi1jRI8Sujafu4E19LM4YoFL3byO/SW+4OYzmb2kQLA7jYY5sZhJNzD9k6iadjKiID32FOzL3eWUoUz91MNbABWqCMZ5AWlXtkuYzOzh1WxHAyZexO9BY1sH3z45zJ2bQHF+kAyyAuQ+G6jUwnosp8yAj23A1QD+YRkM6D67CSzgyiXMHsYzyP2SReiZVUSE5O9yn917TJsZf7wbfO2YyykRyDBWRp9DwhudzLIFw47qdjAASCUv0bljc1e5TjR9pRuCGPIIC/YEgjKDx9QAMLEJnmDcru4QQAgOfwtiGsXZv9+I2Hq3qWI0QdC0FbiVX4v/m6RkJB9BjnC0rR5S0Mrrjp6zCXqVeFMNdYHs0CtiX7Tw2eeZ6AHGv+JWFg8ElERgOsdYEuYhb+SQdaABLHVavGa9xyoQEw9YgFCk1BSq4QoVj0T/mH2OIi9lckga0DO37rY8SAb4pqNBdVEe4NgXvLZ/UM8RFLMUOHuOIah375aM4/LGQ3R8A2x5Q5LP4V6hUIgFMFZmuQOZh5n0FSga+t2yAQoYQO6+k4GQYy7G4WqQWOHcnHa1W9/RQiBiaoXjJhIz/xYkdaY4+1ABgaNGNCrDLD807utqAyhEmCEZSlZLzRTc5LhZGDQuKFr4zPD6k5D5wiw9Pq4I8nAoBEDbfwIzb5Q7CQjNMEliSZpdndPGDMvg0aKGnH23dpvv6WnjXoITXDKCkKn1BtLBgaNELbGJI7DXcRDzt8Y2aadepL8L2wIzqBRQte2Mbo9QlkgK4LDhR8l/wtvXa0RmxoYlCPmE+1pacJCQmz5d8oCWREc56sm/fBprNENGhXW6dnJd3We+F7IJZPpk5p9hYiraGDQIFABXw/324+R7wnKElkTXCvNRXjohbRyXzIwaAQAOzkMbXoTv/1gJ5+iLJE1wfUg+pL0tpXnkIFBI0At0Z80u6eDnVxKWSIXlpLhy1aiR9h7voRtMzAoW0D3FkNb3ktTJWt2kpETwW1A9DhpEhZgonkeGRiUMZJEF2l2r2iVAzvJyIngVKIPnZfyWBPRy6BcoUJf+OreOFwFplY/Uw7IlaXkCeNNfkFH2ap6LdHZZGBQhsDodj750Aa3+WZEN1OOyJng1ITRd1gF0Z2UMIkbDcoM3GZBVCdrqjyZT970nAmOgVHuOs3uNrjxU8jAoIyAgeIMyxFTeAOj29WU3/nzQzXRVD9pDghuSZyok+VIWA0MShvvErWAMGQJ2uvmPlWmxPNM4ZzXCMfAzd2o2bclhujfkYFBGQDEdpSG2Lg930B5IpJYJBjlFliScskLn8cg2LR8BCwGBqUADAwtORGHn98b9iWqItAv5z3CMSx9YNFt8DAXkIFBCQMEdbHOyRSEcg1FgEhGOI5oBKJaipN18Nn/C/Z1yydBhYFBobCQaKvV4lzdyqfKUnBpW0WR8yGqEa4W5RLN/g2xuJ0MDEoQq4juIH9iY1wcBbExIo0nmZBMO/00F9sjlkXAFQODQqOGaIitj5r8TjzCBCiRjHAu6BSGjkmMHf01DQxyAtpi8yTRA7oq0LudQBEi0saPnuC/pI/xUIke5UwyMCgBoC2eDa6rq6bKg70dIXx0iDxE+YdEm60l+hSrbXyqLG+Bh9xWMvIYGDQIMP3ZAiPcJ0q+sB6wbxl2dFaG+pEhcvZOEdLlmipt1miCERkYFAlP+BEbA/sujZrYGAWZT0Ewchs5Xg7ewMPsXx0xa7kAtL7U9QLxvwt6sZ9RFtaopPWc36va8S7KHhy9Ced6BsffxqM4FRG47n247gSUg5WCthnW38X6WQv8OYmgc16Ic8zEu/kLPlSnMMfwc/P1w9TluTqfO+z9oe4RuJ+1CQ9L/DlEG1GEwHXOxWKw337c+wK04XuoAIicpUyhRrLqvK6pgoGOdoo77zN/VEvs94kod+GcZ6FxdF4nrC27W2zah+hHl0XM05gM/wH8+feZ5+EGguP+hdVz3PeG5zkMz/MUyqQqohFoGKdj846QJZ+UTwZY3FMf3FNPXOtpr/2cmQjX/oaEyGfgeqNWiTfyq2r/7fy82Yqtcf+TSeLP3I3jT6P0c+4MivrA65lwzNG4yN2WHBuUQB5tlg5Bmdcc7ysoupXS5fL3aIn72Sj1PNWijJ6J73Vkpb49hUK1k4WZ3tMk5uALD8Q3fpMKgIIRHAMv8J9YjNZUWdwOghS80V8pmuuxeJfFvKdinjjZTXD4YO1tR8dJb6C7HNkFPLrrOFZlHKz+8vpI1P3JEiLeR20HfdKhJOfgEBPsoNgDdW5DyzqLcgCPyD+IKqUnys04z7mZhIORdUCt+vhgRwag0c3C/d5Ccs2amBBsMlWfCQbb3tZdl6VzqLccq61RRqOBP8PbMdLFa0Xw9QFOuHdfopXu45jgSKYDr8SVwbpywVquqrSJq0gAOP/vbIkMsBjvfjBe3mLerpTMJ/rc17bq+T9ybR6KMhAba/H8A4OeTQd1rywE6ayp9mS8gPa/zamAwEs6HS9wEPmzYJ3BJP+N8ozazCwRCOxHfMgX8HeI5c0iHcrJ69HCxmCUaIYGcRka71+4sapQ1U68TeX9wD3ReXHJGORkDVIjHJ/jI/R+l6PeDpzTmRPx4UM+kfpIHxN1WOUaMVzYAuUktX4rys8/yPqEVIVqJ0GpdBIpoNMYy/eD67zJxMZ5pnH+Y9W2C9zEhuOPwrbHcD/XoWFeyvarGOm3XJu+LqlnYQJvrf72SUiv75woZaDbXJIPvkj5Y0mK2BgqCNXlrnuehGt+BUI/M0XgalRj7uI57Ds9m1DiAeCgrZ39duLdfV0hnEvBUFCCQ8P8Gh/3cDzIy+Q/mo5JiNvDI5Qj8LEOQtkRF1iCa72Gl1axVtgsB/h/IRrTXvj/HxDlxShDsHm3hBDMMalGyz18UnpupoUPsP/K1DVsGeH4IXqq7T3VrnEk297FM9zcXdi/9YRGPI+0VcPH8ma8my8oAOwuYgkhJ/Gh/sjbcO+HY9vGtuRVH5+QMG7PUJrFu4p/wBrviMVb4J+XZN4Pjvmzuo/3qvQCroIDzzILi6uaiUPzZWrzwczy2dIuPlCdGAs5zowFs7KeSMioeqCmCo+so2Ly7QuGghIcAw8wLSGOqhf61cGT3oW3OCOmTxbiiWpxcmXj6Svi67tP1BPMYHRo20MEKTurTZtUS4/njCq1opdh3I9zvUNSHPiNcGgox4IS36ICgOdrJInauYdfzNtw/fNw3c+wPLhC7m8T/H82ll0UqT35xxKiXQ9gYzuj49k1lmNkKj9Ui9fI0e5tio1kVLo6uLHY/rSltv0qyewHYNvUuegs+zj9SVbX5c4yyLTw6kLN29woOMExmL2pkVHF00SGxbPM7qFH364/JFUUEvgYu2FxtzrHEvx/EcvHK6U3TLrrsjAEo0M16txti9DhOhDVRak5ExpZ+3UiFODr342PtA8+wEvUgLDScWH64aba4Z62x3ovbN+NhUCJjPpojL02gOABncq3fufkUROLgervegTHQhqc9xE2w8OyRdxDhYM6XV3E4ZZaXpIQYRjXiWUep0LlOyMquIk98IHer5I5X2Y4cacOzrUNFqOr8shZwSw4vvvzlGahvTATN3sFFQFFITg2bsZcYhS+RILZIZ9qsdYyyQ4dLh03/+k6+YjvtIVkEVKQ60nYrB0TLqEIAw12Y1x7G1vmbb/PbEg4zzmW5HH+FHXuYYEJGviNWP7C+zUs5RoqABIitu6b+o9G9zk6rUcwqh1a6SE4UAKYiWhcbVnQwvMmHqkwah+XUZUJoTV3LHiWHTLTRTO/pkY+Ll25I/KQ5n4STxMFCyJS3Mu4DKHJIeSDpJgBHoDjHyMPabHCSJR+qNMtJvKArCSxSsL7D6x219RZhk5qVLbnzhVFITgGzyXUR/iPptqheLl3xkNOXFUgo7qXmbLBQRd+a6YYmvVyIKo/4sX+5NVrY/sVPCqi3FWrGhB3FPjQV/L2TJYSPfSLqHfTugzCjhA8n2Ficdg6XH8/vkcQ27TMirinUT+IusMRwCSFWB9Wwop6czS8o3uVUGhKPMv5my1zSj42NBcSANbRfR33iRNSLewmS40nPUTCAAALTklEQVSZqFlnnFWojhqxkxypq4Pzj1Hz7qKgaATHQON9ES/xDjzkGZpqp4HovojrAxQVAsOY9eWVhLKvw31W46Ndzqxb5giHL98f67uyXq5G5juRTbYTMoe5CatzUoKfmLDLfmEJQ83hcJ+bJtPJKZ5371OsJI/+XSCgOMaHtW+h6i6n6DA44d8O42q52MqS2JRgKMjw+GZcYAoVEUUlOAZYnnPAOu5O+hTF16JxfBkTFjNrsITSh6X0BQtAMCRu3EWO64VG9SuEFk+nFMCZIxxvY/E1XmCz3hFLtnDdSSzcqdZ4IHuBiQbzuA0z9Wcu7K4a7ipbLHFS8zBuoDyaOMSI7/Nb8rDEcJlCdctlDueDVwNGuLDnqQNbrdhKWqvBnJjEnywqik5w3HOCvRsOAnjf0iS6Q0/8KD7ed9n2QLbYv7EIeAOc/yDwId8oxfF7KK/aProl1HsBk7UrwCpeh2t3x7Ev6CxIlPL4SQw5/djsq7ecPxLkGtUX9/MnPMcheIbRXrET0cAmgiBfR51+VcpSJYXqtIBoGhrFQT6X2JJ/8G4exne5i9dzncO5EGaECw3O3sRtx9JXW1ohLHrRo8kVneAYPPdCo9gLTzvL8rGTUwKM5/ACB4RVfKIRbcVhqpMqqwmWsyrS7hf/w3lG+B0Lgvmo2mnrdJeap0zS6eGUMugV/H8Fz7E3RUhw2YLncLin3koR3gL38zYIqy9LMjPrqm31iC0h8xx+hqtjai7rcyknfL0l+d6jwmOsg8V365FMW5g4Fit4x0k801x8w7fZGiioHSRE9/icajt+WK4sX3IO5poPGoTgGOiBE3ihB+IlT9G8IBblvozGs1OfDAsMPyTFsoUxhRXv8zX+TjhvV/d58TJOqxUdzxo2S4q7EpZ4sZSlAtcc7s+6emiQv8fiGluEQyxjehfL8fh/I8rv8VwP6Y63nc9G38SiIbhxeN9X9XJsor0RUx0e7vs5XHsEvsEhMbGXXQ/4zj3BbbxkacT/OMc67N+vd33TsaKiwQiOgZf3imoED2uqtWcxNYhj7yCFp5r4X6jMnq6lAKDnPJbS1g18DEs8WTCwDOsfo0U+ZMnH+cSW+QuPaFnldA4DlqCCxR5cJWZuBQM6kAdxradYwY+O6U94lqG2RFSb3iLAjEsZdTOLd3eurJhiP89L/V8n2xywvaurat1cUIGFR3NQZzuwLlM7KlVNCqx/xLle1qicHOB7HxNTpnoNhQYlOAazE2ztYWlGDUsiJrHN4n5xl/VHJtADnm+JMe+5qDc94xz1RlGlJhiBrvpqnleqORnr3cbipUxbI1JSbhwtMi4zNJGRHw/HfohKB+p6az+o607AdXfCexiI+z7ZKmAMz14iYWSW+A5bzOkOQBmEC07Fu+jnZ3iwVqxTIMB0dJ2+qBHzqb62mu/ZrmdRHIPnd1YsZUodNC6uSYfmBka2HdZJR9hOVw/3cUk8YsuZXNDgBMdAz35FQkysjtFUY2v/19AoD0T9qZk7sf1iWwx2T4q54lTUpj0RhiVcys1UKwD/cSw2PoSGcpf6KJPUrhPmit/U4egZ+2BfR1ui8rIEr0PG3PMcJjblauMpKFAXdiRnrHhP9exqLsjuLpN5ZE4I2zaXCgxWY+CeDqwR9QNn+qxsLe//Qa/6SpXDBt1fBJx3Yo0Yal+pjltMBQKuMwzf91+W3oqE3/3fq/SxU4uGkiA4Bj7U8WhsW1qarJPYtwErzlHvBHz4x2yx+meJWj9bdDUdMnvGmOjSeG7CPe9mqe2Kn5+F5WT0rgPxIq7MTCGrBAz3UkhUCaFESiy2xLofT95s3GpbfPRmUw5Q1hVnJ8Ra507yGVUSYpL3pM7AHCeqthQbWCkd2F+wbYblYtlDYjqFsN5RUlB+L0FO1JPj+o68qLCohMDmSd+L5DIwpDRe9vmYEDwAhdO6sOyHQeNAtcSJHBei6mzoNAfk4yAcNUqK4BjVoptjaVOfoLoguturTBSwJoWEjMSnhag6B/PqvUotWFXJERxDSbPY9GhwiOoTYpL1xCQLacRQwqWnSe/Tlqr7GtrDiFLkfEqS4BjqBXOG1VEh6r6HWfNBypvYoJGBPfoxgX3GyvBs8MFEdMCjS7UDLtkoyJbMzVji90CIujusUop0MmhUwDc9NCluXYHEhjr3oM0cVMrcTsmOcG7gpV9khxfr3g95/ZldRGdkUKZYBFH/ClGyHxemPqt0SkX0r0NZEBxDRYx6mEKMyqyIhph/ZEOa8BjkDtZF4hs+a/kn+ayDLdG8jo6VgFI7DMomsYbSu3H4usCQevyh1kkQoJPIoKyg4n2+F4bYgFVowPuWC7ExymaES0FZYrAEM1QEZVtC4x2Tq8uLQXHAAZ5UZK7hIQ9hZf3IuCbCdymi7FJH8QtuB8W4LbEqAsE+cdB6LkiICVfZdTCNHcrg/Pcgto+yILbHNoWettyIjVHWDRBK8uNJQjZsGKa+LazKqSqtlkEDA99vV0uirvUNUx/f7xf28IhJRO+yRNn3+MoP6vmQPH8KT7QiusDo7RoGHO4cI9pNVhYR2oAaqAdGhvWLLFU0ChaLRcgrxeQndLZK1Vtej6HxOqNCKA5UKD9W8XBIwg2yOPQBdJBnlJJNZK5oVHMapSR9JCyLycDH/wL1z4+7YvwbRA98myPxba61lJ9cSKxA/SP9vLzLEY1OiMBhEypEiplVtCeOnYGXcROGuif7Rxd3sUmDc8nhnR6RlBDy2QYEmoPveCBE0p9RI0KjlNpxOG+oAs4AEV0W5Ansga9wzB21RPd6BeExCAY6vU0qxKKfyxbZHMuRkPH+r4qJMKzRGaQ3ajE5Z+xcI8FNOWxeVioQnuNxODj0zjeX+0S9WADb2B3v6xySjETZzNEcixEsHsBHuqTQGWwaEk1CLwVJZlWtZE8ZRLmBWdRb4xnh5QwEnKhFsY1h9WiZeBWE9sfKdEyhRosmpQiuliynHCioay7Hq3AHrHB/UhfMqCkAGuddkpL779AsBSFufAJCOxeE9hw1ETQ5ywuVvojT9V5COSakZ6ChLbLEX29CVHnKSx0gsu1VbgLWn3Wm3MFmduMgoLqlqQmomqyp01xJZHiqJcayWU3sM2FLeLwJzaFQb2weCip83VEkhNaT8sNXeFd3QmdzVzcJSd/k0ORtC/MUXXuBxdip3OCc6K9aEzq8pABiqJgnMSU5YSMnQeTlNpQnlMrlZjZObuoqF2PM6wJnPcXiXEvi7EcFZp84EplDgJsQvZUZObihwLFjQAwDSAhroCWpmHNmsz0whdNuecURbaowBOcB5QLEUZc5oX1LihYcC5JZq88sGQ05X/dnEB4s5uVGUEF0icjU7AuI5kHtXS2JCdKJl9jcyZZI17zOrHTUbYBjZbKbzY3laM1faBiC0wCEtwUaz5FYHWtJfu2iAdf91pLRkQvnrFuBbT9bMvdhPRVnI20LXrUtL0kinXFs/ba2bNucighbsgexEOkxTqJCBp4wBBcSSqnL0rmxEc31yh62ZOB5iiND44V8TgaBMASXA9DKeuPFjSEp+UruygoskWV1CFjgv1c6WhaDbGAILk/wyGdLwNpBqnSkRgRW9mMx3VIFUtePySBnGIKLGOwQWyuElyLCvHR8DQDODDqdSzMUE/ksWhiCKzA4WaDlIkDO8EMlBFsEHNO5YH16UNJLg/xgCK7IYA8GjIDb1IpYfhuXqJ4VzJ2ili7ivN9g8blSQXzOqodmap23YQT7ngyKBkNwJQg2O2suov42+EBtIB3d0BaRf+q/o5yG4GK5LRlNl1viR7bSVttQZ7nx5ys9GIIzMCgiyi4upYFBOcMQnIFBEWEIzsCgiDAEZ2BQRBiCMzAoIv4fAAD//8LFsyEAAAAGSURBVAMAiO6IENMeCjcAAAAASUVORK5CYII='),
  (2, 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAANwAAADcCAYAAAAbWs+BAAAQAElEQVR4nOxdB5wURdZ/vUT1wISKGAAFhJ1ZQMWAGMCICRUj5ux5p6dnTqeoZw4Y0TMLp+J96KEeCqIEBcWIsLMEUUBRzIgCCrI7/f1fv+qd3mG6pmemZ3Zmtv6/X0/3dFXnelWvXqwgAwODgqGCDAwMCgZDcAYGBYQhOAODAsIQnIFBAdGcDIoes4l2sIlOjhONjRK9YRHZ3vJqoifQc9Zgc2ol0UcoryWDooRFBo2KGNHWWD2MD/Em1k9GiJbOItoQPWFb/G+D/W1APW2w/RC2t8H6RywjQXE/gsiWY18dCPFB93zY/wtWJ2I9rSfRz2RQVDAEV2CAEJrNJdoKRLINls4gms7YvQ/274o1doXL5uO832G1AB96Ia/xfyFv4yILehB9xQRLBgWDIbg8AyPY7mjke+JF74W/3bB0SlWPeUTdx/CWp9pOPj7d+Tz1mADnY3MSlrfBsk4jg7zBEFyIAHG1bEbUF8PUXrYsffGC16EMoSMWv7JUhBeU6JLO8xuOeRebU7CejP/vgQj/IINQYAguB2BYaIWW2E8R116WsIWtKAS4UpEi+ECrsEy3hQCn4OHe6Uq0mgyygiG4DMFzsDlEB2AUOwnbh2UzgpUq1IjJxPYC1iMhEZ1g5oCZwRBcQIDIdmQiwzIEL21T3pcNy1bK8Ooi1HN/i+VZLCPBdn5CBmlhCE4DzMnao5Gdjpd0Kv52pQLAMxf7AetfSRYIFB3dWjX2zUTZQGx3wPp5rCuwry2222O7Dx+ujmtLhQWrKx7GfTxQJZJRgxQwBJcCENtvt4boMrycE8hnTuYnHQwIG8d9jeM+w/bnWD6zRGR/HpYNsBzT07kNAQh/EVYd1d8PWLCR4pwb4xxRz/+zsIyypKPogmO2VesuvMb+DkFvPZNnRN1a1H0aesQ7uhPNI4MGMATnARr2AKz+juXQdHUzJDQeld6C7msqtmsiYhXC1+Pr9FF1sJuOVNurUf8yjBT3qXqLSBEc9ldWORzuWvc+CKuX1N9poLzdKQ1mg0D5fFj2UKqLnpQFNO/iZZQNw/1OJgMHTd60i4UgaP1HY30J/u4Y9DiN2H4lyt4j0Wc5Cxr/ilR18fJjtYmyhaQIDudYVOHQUH5RKdfg5T/8f65YteyGzXOx9MayFQVQxGs6nkEoG4QLfID1HZUibIlTE0aTHeGWEK37E9guS0Y0d/TI6oXguOVYjYYObjR4vQkYstZQhqjGPM1yBh3nfGMxKhzilmXBUgYa4VIBnc8xam5YD5z3NVtG/9bpjtfpAW2xcBm2IdHjHVI/Q9mjyXkL4KNbaFTngNgWoTHcQ4mGnBGxsVADq0fRXf9iic3jAGz3zIbYMgGuewqIsX/ygutfTeGgRdL1nuTRH/zuBiRs6zu2RhWgGfm5rDPW9+HdL0QHc7rdBDv8JkVwGCl2BrF9Youx8Ca8z6Yk0/sU8JSzGHw4jt0HI0h7vLybsKyv6sy2C8AG5hsgrGew+iuWiVge2FgEOffiwZ6OiLdCPyyt8dw3ovx7v/Mkj25J25tieRzfYgZ/E2pCaBJzOPBpm2P0uQubQ5LLkrvYVGwl/r+I1QNRsTd0MIuoO/bfYiUO+1uVSBxLHnjO4SQLs5jb4xn35e2YsIGnK/efa3mB9GavOiE+Jpx6ia5Xgqth1XtheQ+j3TNgxy/FHO8bKnOUNcEp06vL0SAuxwdfN8gxKYhtH/TsE0Fg29SINI/na1fZwmL1cquh3kUkI0NewSL36hTzH1vmcKFDCZNcHAKim6EEIKxyiENBOAX792RVCqjwn9gejGNslDWzEvesBatf8I0Ox3PdjEniXeVsOla2LCUaxlH4anPx8a8PSmwKP9kiMXSA7WN5jR74YBbtY3MGli6Y6BxZIXNAt95p8xWbmk8UYA5XD/bVY52g+x/PezLew7HgFvZA5zMLBHLufDWqsc4tKtLeDriXe0kU4b8FYdkZOGY9LDetAkMCjuRwKlOUHcGBUjZAQ/gvNv+PfFxhGCkawgIs560vovBzPPtPnStWHbuq42LMSqKBLQcVP0RKrM82lSDw86i8cKGV4IJmYKQfhxHtUxD4uS2EyNvhmafjfV86V5xkmR39AY3qzvXFsZY7gT+8Ust0sMRP8L/8DecX3lom7ygrlhI9cr+VIDR8tM2D1HfnX2gIS7G9HOv5oLbfsW9CtYQqYL1cS4gdp2N7DsoPQGN73T2+M9Ey9PQPYf+lzomIzl9MdKs6R15QKJaSvc5J9HEubveWbycj2I1457fhuqfgHb2O7VhMzM5+xjvoie2ZKGvpuXdmFQN5U6Du4avkfEPKyUevLEY4NLbmaIQ3kbB8mweoz2DxPbOOPP+CMI4Wu8S0UPRNs1T1l1D+KPuGeYnNBfYPI+Uvhu0NfyU6k7IAjv2T2vwSSw8VeiHVvReEpawQ0zBX77aURHC0FthXDsujuIe+uLduuI8tsVTh/i/E/xGeqj9i5PrGkg4qUMwV1N2K3YLwbYfaDldf+ih5ggO/3zEmI9BVFPB5UHcavl4EH/F9dx+232C2COe6YoXYNnKjeA7L3lhuiKsBER9/P9R5EstO/F9J1p72nOdiO8P3qnRS43kb9zUYFxrN98ZCGk819ktjSemnfuexxWj4MZzjAsoRtpiXTSHpTHi0W4hnvnyhCIvWwhwhNu/9Xo/lOix742VU4b436QmmAGzpX1qIgv5NCgAlfLkO154626MzLVXkQ7BVMNRIsBwWX7cJeAgbC78fFaNkbugsaXOEIuCtu4PC7sT55qHB3sWEhPILrIRg5HM0lm645i3Yvox38HwO5+o9WxS6TAjO+2SpW0TcVrSYR7QFhtlHsXmgOt/DPD/iERas8Uckdo5v4XxTsH66MdQOeAe7WaKTc1nBL3Avr4Fobu/uES7F5Dnc0X02nj9qpZm24dwHo87dJKEngmAF6p8ekfl5SaIkCW4mJFroNZ+wPBI0HfDVf0bdG/ChHrA87IyH4Hg+cgwI7esenhEkJmzeElIEbYnTKSuCu+H6wzE5uberWJzwuZ733M8MEOIO6e4L53+FlAkXzjkXF9u+s4xkzsiNUfUNEut+L3jE+UxZuqSEJe46rJBfhvu8moUdlAUUW8uE307d41cVogrZ2RaB0cdYhqGzWlArxNdSXf8kXPPfQa7B0wF0YudjfZ2ljAgC4KmNoIIpRfOwkiM4jtGIhvgCaSSQSZiEichxXVJYRcSkpzzK/c/2gsmW7SCkOyyli+K5BxrcFWhcD6PVrXTrsIABxNrJlgbonmt/nGsCaVAj7jK4hGO50Rej6nRvObO4GAHvxfVPoyyAe+rTQwgmYyid4ygSNx7n2XG+XXCPH3PsFlsifrnWOt9bCafcBehsumZqpBwTfz7mCgYEPORzvLNjKj3vvBRQUnM41q3VSaPslK6uLUKRy9HT7tPF3wTpT94/ltgK1mOWo15KjDAsIsd533aJ7UOiFiylQ0PcISL6udc9dS+hNIgIi8vCjmeTiY3BqocqsezgOc+tWMbZor5I25hRb1Y2xAbq34yfyZaOxyW2rzCK7elp3GdZCZ3jDI/qgJ/7NisLjwA84Lf8rbB5ZUChyrZ1opI4gkoIJTPC4cX+2RI2JggC9X4x8U/rQ4n5ySq0lA7rgGWF/PoOW7yp2Yv5HHeuB7yAxnGUsu5nocpw/H+ECzAq7G03FAZ0jIrU0RdswIuRLNpDRrqCISZeEqwjYwJmz3YmIDbP4gZcoe5tMTZehL5xKKtA1D5mAbmj6KhOxS44a+KiQmmB7ZtzjfKVIRfD88Szcc3HqARQEgQXE0HFFQGrjwB/f24Q/j4mjqBPK4LiqMb8Qq4Cod4OgcZm3WX+xpTQ03KmjvVgEybWvd0WFUkcf/UKHNO11uOpzXO6Yp3gs7QRk8VedeKE2hn3ugV2b2SLl/YcENp0NWo3gBJUjVR/P8Hzb095QKbzdOAG91sUM4qa4Lj3B1GMtJRUMQ0ylmCBkL7DR+2B6xyPv/er3ewR0DG5l46JN/Ugz709yeweGuBG6I3PwLXPpiQBh5VgNcsG1RJXxfW7Y6X0KMojcL2TLAnlHkQS/WhEOk+bihRFO4fjiTka81gvsfm9Rez/CA8SzYTYWNCBYx7kWP4YEZ8gUe4yePJ+ircuz2vIYzEBjI+KYpgnK/vhPB/Zouid5bmnf5UbsYHVO8glNh4JI8pTPJ9ApzYyLt7nQeajZ6HNvBxr+K2KCkU5wrENHdidcbi5vgGq/x8+/PFWjhljYuJico17CxHHesnZz3aV7IbjKHyZqCD13KOrRMZKdd8sRBiH48+3yiycQEykiK6LEyvhz/eri0nephphVcbguSMI/gU7SbDlAzYFG+gX2qIxUXQExx/qdwgerIYRqPxwT1Qm/2Fdl0XdjsczPuyRlliZeF1u5oPYdtc1JB45yzVrTUysYfZ3/+MdPQHx5G09kqxfUO88tj2NBLQmyfAensbq5HT1WN2CYW5vZfNZNCgqlpIVzUGJDS+0zg5RB9NFdElPenZdCdHlxZSwIWQByr7peu1yThHVTEb7+ohhPGeG0GUevtsYsHID2d4xJuz4ufkgNgYaxiksOU5Xj+05MQmftCQz16y8o2hGONZptRYTooyC34QpCQTL0jXesLfeAx94akwkpD9FxXypSYPnR3jn18ZFF7epT7Ur8K5uozwCBH5/XLlDpWnEE9E+9reKJCR7UYxwLI0EsY2m9MS2yhLD3J88x9ZQSIA6YD7ON8azy3G7QeO51RCbgKW3aMDXREWNMMROLcwYSHkGz5ErRHKcjpD2rhF9aVGgKAiuRhqzV+SeCkvB0uzeSsTQi23Rd7FN4U3odT+dHcB2MSDu8GwPmqX0cwYNwUIqVglUieEAewlwjJMltnh5j6U8A99717gEr21mK/tTDY5GG3mAigCNzlJC5H61JYrktcCEZ8n6a/QM/TEJXrxaDHo5fggb1o721OVIxXdQCMA9vaMkpEvWx/Qunw6lBpkDHfTxtsy3XfE/NxWeO2+U5tC8s7rp0KgjHF7cCX7ExlDEFsdNDmG7w9WiBL8PL+0DFC1Oqnt7dUgEZ0mEr5cwmu5iiC08sPUI5QiMVDfYEsrPq2tjb3w2VFie5vBba4IZUeQNjTbC4cUdYItiO4gnLzt5Po/6P1aJZzcT63BbdGFs49jJU3cy9p+Z7DvGrGE7om+basTfYgC++UQ2EKjyGAhkcCwTGKsEjksqmggqPnKlCLz+p+KE+oZxYOk22tzBUeXwW2g0yginvKXH6IgtSWnMYRM2c4mNg9agcA1e2hVY72ALm+mCww3MqFFOnS4grl+wlOheFavDoHHA+rlnZweMOeNiHlE7W2KCJhPbYyyB7Ey0LCr5CzgGC5vm+RocqDY3xvXYLzQKTnDKTOpVShOn3pah37Vq4Fj5bO/ouOhgtReI7wKcqw+zmK2Fp7/Tc3gb/H8VdZ+Z41gHCVD3RTzwpM/89Jd1xgAAEABJREFUxdkGeURUolP/HdQwZnHAzLHsIgVe8X1LkozUg+fsUVFN1Esp8aFftMQmNl275rb36hyJZVNQFJzgLBF0tNPVwcu8VBnFMm8+q4WKU8ju/rYoo6/C9v8s6dUGstc1XvalKDvObsgyHo+vMYulmKg/AmX9sa8XJmWLsG90pj2tQe5QTrmP/oLva6eZ0nD6MFR413ICpNWDY60M9hOQYcS7yw6gGAfa1ebZ8DoVCjqHUwrkW3R13LgeKjz5m2xixfnQlFJ6DP4PBDP/+xrx43ItyE8DgT7FG6re49QwoI3ftf6Fc/+ZDAoOJeCyqnwcdVF+BkkOiHrnVnyv7/Dn4HSOtbakIOPwFQe6km4/WJKo5C4qEAo2wjHPbIuBcD1S6NsWMLGxNAtEMxblFzCxcUTjOjGxOgH/F7N9nCVRodzznOpus/I6KvoZHhXT5Z0eQQaNgqhkmN1OEVYDoK3cirLHrIZxU2e3DhgygtlMtJejsTnHEom2L9DObo2JN0JBUJARjm0kbXn4LQNUZ+nRGtT9H3qefy2UCFZv4P8dkUSGT/e8KBYJJdtf4uVtgvVvUMbEXGmkcsE/lCRPNjuSsm3dU+hphoI4vyCDRgPP48BaTkLbuJZjfqpvzcGHjkyqOg6Ud0z39GL/BuA5GtjGdfHNXyPJMJsSuP5CTOaihZBgF4TgqmUy6xt7wpbkD5bnP490nJPaDfTzblTCqdUj5gxmdDOWw3xOy8T0CuZ/1xebxbhBAjEJ7/B6hfgTctyWZOnh8FxdnThYU1yiQPsaMrMXe1UAL4RckXeCw8OeZouDpy/wsk+pE8/efSlxY7vawlvXRFWsfxXlil8K696CxjKcGS0gy2CQOWISf5MlkfWKcVukjxdXSWKQMK7B7ebpNNWOj+bZ7jKvBBewZ3kCL/WMmMQ6fMUS4QeL7U9VVV6HFvPo1dC3KOfDxUnOpmzwvLeSTnJwm/ZJVuxMsEF86wwaEdXiZ/eqso38DZ3wURFhBUNDTIjpOL9yXHdlcwnotIjyhLwSXExCiesUjJ+BmKKcD4xjMDKPzl7Tq8Vif4BbiQ2VwRoe5I306wJSyX1B1BPY3rLKM0dUcRV3hJZzZA+Pd4FB8YJTQdsyou0SbRi0KRSoOSOft6tfHVz/LbSjvShPyBvBKQPTZzRVVqF8hyqPQ6MXMRnpTnH/o+7P6H2OUAkAG6BaAgitFy3RSNIGCcREj/ZlWKxkivPz3J9jzfjGPbHyGG0tL2oB7kmSLD/WAlsc+BEbA8Rzqp2IMeJkpgFTPzmWYmJrlVj0XQN/oKFfwqEtqj2hHMIEW7tYaYL02pLTPC+BiPJCcL+Ib5TOiuOlqgDWAGw7iZdzYtLup2uSQn/bYjJkrPrLABzibn2ZZw1Vo1HoAFHfb4t5oR+47V5DeUDoLBjmYp3XEM1zg/EkAw+6DBKUTts6dBkMePG722LKtb7nPPWx+2skRdRFygvZoAzAlkbgaF5AIzqqVly02IB5lQoPnzPYIDrJWikZbELWtSrJDSxXhD7C4eXc50ds6oLXZkJsDI4rUiFCFK/w48lYIjfAUjukD2FQHOB0YRB4nb3GiT5I30AwVo3lSgoJSjc7VFOFXXxCn0eGSnA1ElbuEL9yljZWShTdjMFBVXH89rb0Sjw0b2GJITNvczqqeWRQVqh0mBvHYMJVeoc6r4pI7j/fjpqNNWZ7dMNhIDSC40Cd8fSBds7IxWKAh/fmnjmdreZydcIav08GZQc2+bITsUFbUIiwhFU9V1cnLimSQ6OT0E6E0e0iSx9wZzRe3juUI6AWeJcSrEXHuZKIYplyUDQoQygB2zArjQ9lNqgU5+WXNFW61ISQwtlFKEITZXTKAVJ9J6BgiLtA2/gVhQBbUiZxCIWt7RRJFA3KD3Ye03rhhFtZMlf0C83AeSc2zzUNFyOUEW6FZI7xzW7CRqlhERtDmXY5E9qKEksqaZAdWF0QNrFxqD1eV0nYRZ1PHKfxOp1CQM6NVXntXqgpZ9vHmylkNFfeunEJMGRgkBHYSTXuMapHe/of6dvSpRQCciY4sHaDk1zgG8CSRHk5D8XJ6C5BR+fprFUMDNA+70mVX8CS3BRzVVpp7rj76LxaWD4RC5a5R4swRriLNWU/rErvEpE1KjyBYA0MXGAytmVMRQRAG3wKE7BXUhEd2s/4ChXdrUI8VbawNclYdG09KHIiOBU1q6/m5MP6SHL7vCCSJ/Mbg9JGF2EN2cufjSY4zMY7ILqp85IskeJi3uXkQVAuOb0qJB5OSqCt7wlC7kU5ICeCww1c7lfGto11GqUiiPUQLP8lA4MMgXZzsK5chc77PCbh8LljHor2uBzzmo9inoQxSljSbmFC3TDeFsN7nV3u5ZQDsia4ORJLZLCmyhIrkTe7AfDChloSVWkpGRhkjt52wwBDqcAKc4cwFQEeo9ZTMK+73fUGwL63fhcLKR4kXmFppKV3Kzt2Xg42u1kTXK1kHk15vApNxjFJJieX4UH/g7Lr1MXHkYFBhkD7mQyR/km6OhVi7H6A+x+j2XdYHWGLHyZLHGMxydPO4dcdV6CoxMBcRmIN5WcRVfFHDll3syI4ZTR8ll+5lTh5qvjtE9Q63rKR4rsblDZAGNM4MredFCqfs69iOZRVVZUyj2vnrYPj3sewuKctxvPs9f0IBw+KK8JkXR/+v0wSUNh3uoN6Z3sM5zNCVgRnSdYbXahqJ0pWqxR5wjixofJFmpYqMb0XYD23jUncwDerxfn0P/nykTIoObwTUxlQPWAR/8vYvxTLOLSztmAfT/SynxzXEo2+H6m4JezyhaW7miKRSvLYlr3ONddmI48hlAWyMu3ixm/5x33gief9KL8x6pMkEezAQWCme1f5KMRV9GQOi7eW5wGrGlDWGaKilWTQZKH85WaAS4q6YRCrxVt8rRDoSggyleNTRsR9rI6TumD9bywHqWo8srVG3Z0sSfjyE7ZrWDLpcwuTomrulwkyHuHmEnWw9EFWhuGkcVszPwPB7NXMp5xZgrhE103p5oNrb9ICPRAZNGkolnEs5lO3u/uUETtHb2tgaMHcGJb9SMU2ZTazhZNQyYkU4CYDYaX2/lYiu9LGFRqdHDAgm6QwGRMchCXH+JWx0hA9yAQQzMAKfYizXpUp4pAoZSX3NG2Szss91NtYT8FyYaUx5zIQ3AkCOa06IS3nYFJxTGW2RDu5jMQg2YvVaGPPYvmpTrg0HhF9U6bFZfTzJbrVEh81I2Qzh/ON64ebf075u+1eKW40a4FHSFs8CxoAL+0hklgojv2lMrMZRiJt2oDzBYAF7Z+vaE4GpQdl1sc2tY/zfN92aID+hOFtU86uE5Vgwf8gcV7mKQiroTbzhupIwjQs5zcXN7NPOXIBh1/0u35cQwt+yIjglP5hF79y3OAozjSK9UKrYbDWeqzB6GcljX54WTdj3yBb5nQ8t9u6SpI88Euanw9bTIPyQAuJwNUS7efNCsXixZUXAAP7RqJdzYdmuwP+zmuWSHHNbWoyyq5X8zi2SBmPtvaAin/q2FVaGiEdynZj1x7KABkR3BqN7oNHLbCTbyvbNJ1+7QC8kHGcEYfjyrN4FS9hKo7dCkR2dVIA0H62yQtgoMF2MgJdh6WjLSETuFHXJ+FUCVu27gJ2EyPX6ZWSGIaFeW2i4ks5FO1xH/yfZcvaAdtgqvldha03T8yIrcyUpdSxk5z1hG/0wOY+IchYP4J6bXHRVhj7p3DvgYdeUSkhruNJdZtj2RX7fyADAw3Qhu5BW5lOykTLTgptjzY0Hbznzm7kbo6P43JNnOSTY+NgGY9ltZuSWinKX1HH60I7ZMRWBia4ueKCozPcHIVRqxVurh27zqSqUCMPxw89BUuPeGJ4T3U9Fs+uU2EIziANePqiFOFuuql9QEjPu6432P+a7bE6STrWkXKiLb6HOhMqGtZ7TNWZr7n2jpmwlYEJrk5jN4kb/YqTmq8SncUUzWkOsGVu1k3dbN+Yj8VKrcotYElPY2CgBWT8CyxPwk8OV47GPQft6wds3xZPEck5Jm2sn6rP8SdfJw/BoU2/ivZaWyFtVKcIP4ICIjDB2Xrd2wj+sdLP33a312Y3r/dJsO4Q3BpDcAYBYacW1LUjSVe2C1irDZLqu14HPzKLWSXzuD5zVFu3JG/hzSqfhW8+cCuD5B+ZzOEGaMpcE65+LDhJVYGFJFj9GpVUsN5ECZv/kpRnW5niOD1PGx/21MAgGVbD8Ppve4UdrG9bmRRj0kr899b7mHV0YBOruc1GE4b2Y8kf4RJctWjl/Yw1V+Gm3pstUqIlfuqAP2Sofp3LIzLRfMEtw3GXz/dETGKfJUv8kn7BxHEVGRgEQ0fP9r2W+MOxbpfncCwLqGcXlQ+cI5Pw2lpayrie219Xj/yghxhM1/pcd+NqSWmdFoEITmNPxmCXBk5iflCF3pxrYFyVK2uAE0glPMf/zVZ7pD1WYv5mRjeDTODVmbXEQPBtVGx6DwK7uCkIZgeXXVzZ0CyrXgrZSuZxjKe9J+Y2bvkYczAq9DTirRcIvkMmHuItdUMDbY05F8o79VRhyhldxSpgkEeTf67nnP3VpjHhMggEFbOku/vfTsEZoQ3OUCnPwJAlJO5syeTKEbqIFdRkShFF3FJtPRXsgGxlUILbW3OCt9UFX4v6SHLQq+xIkgSvAbgHskT6yTqRXThehHrwvuqcZoRLAc4SO1cTKa0p4mdpM/XeL1YKkywr4X+5riVmXJyq+nqsVyxT7jkMVohz20w+Pq4hOAqL4OY6ynzaKFUZ87Qtiabyti7fW52YzryeqiwqOQH+of4O+RWjm6toNCxlaoA1OByz/KPIoB6Wh9i4Xa6fImhsS3EdY+uREZAjLEXbm1Ql8U52tgI4lLYWaaWfJ3iHWfpQ/w7SElytnjf9ULGGWrDJDCj2Tb/yiGRLnYl6R8c9o6kVYrTmMgPHAj2SDOoBtmiqEoxwuxmzVYpAQMrheSLmaY9497MRdFTJE3RQbf1Dv/Ig87i0BKfjTS39EOuAdR8smeyQsAJIdR72n7vGEsPn0z3XNiNcEhTLzfrOXWbrs8w2KbA0u4UY1l8JgvqLXz0Q1/65hN23c2Qr0xKcJUpDv4u/neZwprL97ADBgqok1DRPZr3s67dk0ADQWR5OKuJUNu4h5Qy2lYxKHou8mQOmGWR6UxqkCzXG6OJX0CJAMvtmGIJB1RMpAPAwY+Oel1UhgoFpZOCF18SO2cphZFAwYPSc4TeHskXeoYWlK+SQ0av9cxyvjuYhX5eBP5idhDTtJythCmejU9rCeMAXFpDG/Gb5BNEC0bWv0pgjalnKWoktST4n/pQMCgqwkwcnfWjLNtLKgsPy6JNTYFtNWVqC66K56HwyKDTWkkzGjbSyMaDLC95Fd6CW4NIc/BkZFAwcmhuj2WHJ+9nsbg7RxmRQMNj6tp89wZF+eDQjXAGBD3WQz7zB0kVSM7jyJ1IAABAASURBVMgLdASXPUtJGmq1zQhXUOgcgI0SvLBolscRzjdiUUszwhUMHLjUEv2bX3l/w1YWDlY+CE5ZX7fyKV69nSZen0G4iEnSwDZ+5excWadPHWYQIjh5o8Y3biNbo27zJbjf9MacRu9TWAQhJsNWFha+urbZiXDpa8GX4H7X9Kig4BVkUBCkYyc99fadq/lmBqHDlwZszWDlS3A6dwXLZK4pGGLiPbFRunrMVq6ReDEGhYEvDViajk9nS6ljKc0IlwYxMWQNHD7NDx7v97TAhz4/1jCuR7aYEFV+jga+8KWBrAiOD7LJF2aESwM02E9qiLbHO7yPssyWybAyq96bAlisa8B2uVcaYksPHZdXpyE4X5bSNiNczogQPWkLAcyg4sd89nyOGu+DoNDRQOYEZ+kn4GaEC4gqos9BeDtj81byd89vVIDQ/rUeUU8OhEoGQaGbw2UuNCEzwoUG9njHyHEliQt+0TjVgtCWoQEcDEL7c2cT/zNThDvCkZ7gzAiXBUB00+JivfMKNTI4VEAz3EulT6Yjg7TQ0UDmBBfXzNft7DKnGpATwvrnqOSTPsfWxHnJI/7gdLy4h/7GcTV72JrpgZWNpQnph8yspW4GAjT4R5qLFLOaCgRcawGWnTgdr+X8NcgBWU25DME1InoQfQo5/I5o+XdR/gngsY0hwzGCkdAQLsFVGIIrCPoQrQERXIL51ABbwmyHChaMsGkYRtSzOjQOC1uWSCPFz5zgLENwBQXnIGvpqO7ShxQMChDbOywYwUlfIoOwoaOB5X4FhqUsImxH9CM+yC0UEtBp3m0EI3mDLw3YZg5XOqgL183GuOzkD6HP4XR6hvXIIC+wwo1PckhMRWk2CB0697XMWUozhys8aiQ2fnsKD9woBpJB6LDDHuGa6wluMzLIB/LBAprQCyFDGX608yuPZ0Nw2zqBflOnosLo13yOJ4GdQTiw8xPubrDtBJoyCAuzJcuT3ztd3UszHdOaaOnCmcfTxN8zyAzKYTWQ86gtobaDuvy0wbn3IYPQYOvb/mxNWdrIy7pQeNpwYAYZIxA7iY89ki1GVmG+h+9zb5BjLBN6IWzo4rVqw0emM0L2jb8XNwQXNtLNtXheMKSK6GS2GGELFSi0L7QkOeOP6c5tZ+w8bqBB1ikA0hGcjloNSxkSVB71Sk2VmRBi9YwSjUouiIhlCuiQJmmO3wh8zgAyCAu+bd/KZYTLJWmBQXDU+rN8bNA8DOzjTt2d7M2pAUL8FoS3D6dt9gtQahsleJjQtf3sCa6lmcMVCqnYyR/RWx4EYrqI2UdKA3a3wTB3E0bCPe3USTQNWxkS8B67acqyZylVOHM/1cA6YIU6kEFOUOqV7ZN2M3tYFcnCkLkH0bvQyPbEhx+TVNQeivV+ZJATIPHdWqcS0GU/ZaT13E6jGsglJJsBNWQnmR3EcjWzh9EcYp90JlpWJTEx2av8d0+RYStzh2+btx1jIT3SEpyl0feA4PYgg1zhsJOKDewLQrk5LG9s9irHiXagREM4jgxygi2BoPzwCaVBkNgkb1N2FzdIA0gONwdx7crs358kTN2HFDJ6QgjaSrzKH8bf9jEJ2WeQJSxNm7c0tOKpo8csou4VzlRjbTAL1JroT1195nkGeqDxn4WVxSMRFQC43qG2hFm4mQwyBiSIrVaL13zKgQrE1DWSRmgSSGoVE8VqyoR/mD32Z29lMsgYkPO3LnQ8yMa4Zrmgmmg/EMzrPsVLowGSYgYKd8cxDP3K6sw8Lms0RsM3xJY9LP0U6k0KgEAEZ2mSO5h5nEFTga6t2wEToAQN6Oo7GQQx7mEUqgblDuXitJtfeUUAgYmqlx4RkZ75sSKtMcfbkQwMyhjQq/S1/NO7ragMoBJgBGUpWS80TXOSg8nAoLyha+PTgupOA+cIsPT6uBPJwKCMgTZ+gqYsEDvJCExwcaKxmuIuMWPmZVCmqBFn3638yi09bTRAYIJTVhA6pd4QMjAoQ9gakzgOdxENOH9jZJp26jnyv7AhOIOyhK5tY3R7ijJARgSHCz9N/hfeqlojNjUwKEXMIdrL0oSFhNjy35QBMiI4zldN+uHTWKMblBVq9ezkhzpP/FTIJpPpc5qyfMRVNDBoFKiAr8f6lWPke5YyRMYE10pzER56Ia08gAwMygBgJweiTW/oVw528nnKEBkTXFeir0hvW3kxGRiUAeqI/q4pngx2cglliGxYSoYvW4keYb85ErbNwKBkAd1bBG15X02VjNlJRlYEtw7RM6RJWICJ5qVkYFDCiBNdqSle0SoLdpKRFcGpRB86L+UhJqKXQalChb7w1b1xuApMrX6lLJAtS8kTxrv8go6yVfUaoovIwKAEgdHtMvKhDW7zzYjupiyRNcGpCaPvsAqiOztmEjcalBi4zYKoztFUeS6XvOlZExwDo9xtmuI2uPFzycCghICB4nzLEVOkBka3Gym38+eGaqIJftIcENzXUaKOliNhNTAobnxI1ALCkK/RXjfxqTI+mmMK55xGOAZu7k5N2RYYoo8nA4MSAIjtJA2xcXu+g3JEKLFIMMrNtSTlUip8GYFg0/IRsBgYFAMwMLTkRBx+fm8oi1WFoF/OeYRjWPrAolvjYS4nA4MiBgjqKp2TKQjlFgoBoYxwHNEIRLUEJ9vUp/w3lG2bS4IKA4N8YT7RlqvFubqVT5Ul4NK2DCPnQ1gjXB2WqzXl62J1HxkYFCFWEd1P/sTGuCoMYmOEGk8yJpl2emsutmckg4ArBgb5Rg3R3rY+avIH0RAToIQywnmgUxg6JjF2+Nc0MMgKaIvN40SP6qpA73YGhYhQGz96gvdJH+OhEj3KBWRgUARAW7wIXNc2miqP9XCE8OEh9BDl84jarSFagM02PlWWt8BDbicZeQwMGgWY/rTHCPe5ki+sBZQtQ0EnZagfGkJn7xQhXaep0uYPTTAiA4MC4Vk/YmOg7JqwiY2Rl/kUBCP3kuPlkBp4mIOqQ2Yt54LWl3heIP53Ri/2K5b5NSppPef3qna8izIHR2/CuV7A8ffyKE4FBK77L1x3FJYjlIK2GbY/xPaFc/05iXTnvALnmIZ38098qI5BjuHn5usHqctzdT530PtD3RNwP2tiKSzxZxKtRyEC17kEqwF+5bj3uWjDD1EeEDpL6aJGsuq8pamCgY52jjrvM3dUS+z3l7A8iHNeiMbRqVZYW3a32Kgn0c8ei5jRmAz/Gfz5T8nn4QaC4/6LzYu994bnOQbP8zyWsVVEh6BhnIfdO0GWfHYuGWBxTz1xT91wrdGpyjkzEa79PQmRT8X1Bq8Sb+RJqvw+ft5Mxda4/3Ek8WeG4/i/UuI5dwFFfZLqmXDMybjIcEuOTZdAHm2WjsQyuzneV7roVkqXy9+jJe5nPfd5qkUZPQ3f68RKfXsKhGonCzN9pEnMwRfuh2/8DuUBeSM4Bl7g/2F1lKbKovUhSMEb/Z3CuR6Ld1nM+xfME8d5CQ4fbGPb0XHS2+guB3UGj+45jlUZR6i/vD0IdX+xhIj3V/tBn3Q0yTk4xAQ7KHZFnXvRsi6kLMAj8lJRpXTDcjfOc0ky4WBk7VunPj7Ykb5odNNxv8NIrlkTEYKNu/WZYLDvPd11WTqHesux2RrLUWjgL/B+jHTROhF8fYIT7teLaKX3OCY4kunAm1FlsK5csJarKm2iKhIAzn+8LZEBFuHdD8DLW8T7lZL5LJ/72k49/6ee3ftg6YeddXj+fumeTQd1rywE6aSp9lw0j/a/zSmPwEs6Dy+wP/mzYJ3AJD9BOUZtZpYIBPYzPuQr+Lu3lZpFOpqT16OFHYdRohkaxLVovP/kxqpCVTvxNpX3A/dEl0YlY5CTNUiNcHyOT9H7XYd6O3JOZ07Ehw/5rPuRPiPadJVnxPCgPZaz1fY9WH5dKtuj3ArVToJS6SRcoNMYwveD67zDxMZ5pnH+U9W+y73EhuNPwr4RuJ/b0DCvYftVjPRbrElcl9SzMIG3Vn97xqTXd07kGug2l+SDr1Hu+NolNoYKQnWd557H4prfgNAvcAlcjWrMXYxB2XmZhBJPAw7a2smvEO/uuwrhXPKGvBIcGuZ3+LjH4kHeIP/R9LiYuD08RVkCH+twLDvhAl/jWlPw0irWCJvlAP+vQGPaF/9fBVFehWVv7N49JgRzittouYePS8/NtPAJyq93r2HLCMcP0U3t76aKbiLZ9yGe4e4uwv6tJTTieaStGj7Wd+PdLKY0YHcRSwg5jg/1N96Hez8W+zawJa/6yJiEcXuBEizeDfwD1ngnrN4F//x18v3gmH+o+/ioSi/gyjvwLNOxuqGZODRfq3YfwSyfLe3iE9WJsZDjgkh6VjYlYjKqHqapwiPr4Ih8+7whrwTHwANMjImj6hV+dfCkD+ItTo3ok4WkRLU4ubLx9NDo2u4TDQQzGB3adhVByi5q14bV0uM5o0qd6GUYj+BcH5AsDvxGODSUU0GJ71IewPM1kkTt3MMv4n24/qW47hdYH1Eh97ch/r8YySyK1F78YwnRrgWwsZ3Q8ewWyTIylR+qxWvkZO8+xUYyKj0d3BDsH22pfb9LMvu+2DdhFjrLnk5/ktF1ubNMZ1p4Y77mbV7kneAYzN7UyKiS0kSGxbPM7qFH374PJFUUEPgYu2M1XJ3ja/x/DetnKqU3jHvrsjAEo0M16gy3RehwG4jqSnfOhEa2ca0IBfj6w/GR9scHeJ0aEVYiLkxv3NT6uKcdsN0d+3dnIVAsqT4aY/d1IHhAp/KD3zl51MSqn/q7FsGxkAbnfYrN8LBuEU2hwkGdbTzE4ZVaXh0TYRjXiSQfp0LlOyMquIk98YE+rpI5X3I4cacOzrU1VkdV5ZCzgllwfPeXKcFCp8I03OxQKgAKQnBs3Iy5xGB8iRizQz7VIq1lkh04XDpufkGtfMQP2kKyCCnI7SRs1k4xj1CEgQa7Aa69tS3ztjOTGxLOc7EleZwXoM5DLDBBA78T69+4XMNS/kF5QEzE1r3c/2h0X6LTegqj2tGVKQQHSgDzEhpXWxa08LyJRyqM2qclVWVCaM0dC55lx+R00cyvqZGPl224I0ohzf08miAKFkS43MtNSUKTI8kHcTEDPBTHj6AU0mKFQVh6o862EZEHZCSJVRLe/2Czi6bOMnRSgzM9d7YoCMExeC6hPsKrmmpH4+U+EA04cVWBjOpfpmuDgy78nmQxNOvlQFR/w4v9JVWvjf1DeVTE8mCdakDcUeBDX8/7k1lK9NCvod5dtUmEHSJ4PsPE4rB1uP6BfI8gtonJFXFPg5eKusMRwMSFWJ9UwooGczS8o4eVUGh8NMP5my1zSj42MBeSBqyj+y7qEyekWthNlhozUbPOOKNQHTViJzlIVwfnP07NuwuCghEcA433NbzE+/GQ52uq/RVEtziqD1CUDwxk1pc3Ysq+DvdZjY92HbNuySMcvnwfbO/Gerkame+ENtmOyRzmLmzOdAU/EWGX/cIIXLV1AAAK70lEQVQSBprD4T43iieSU7zsLVOsJI/+nSGgOMWHtW+h6i6n8DAg5t8Oo2q9yMqQ2JRgKJ3h8d24wHgqIApKcAywPBeDddyD9CmKb0Xj+CoiLGbGYAmlD0vpCxaAYEjcoLMc1x2N6ncILUa7CuDkEY73sfgaL7BZj5AlW7juWBbuVGs8kFOBiQbzuHWT9Wce7KEa7ipbLHHceRg3UB5NHGLE99mcUlhieEyhts1mDueDSWlGuKDnqQdbrdhKWqvBzIjEnywoCk5w3HOCvTsYBPCxpUl0h574aXy8HzPtgWyxf2MR8Do4/+HgQ75XiuOPsEyyfXRLqPcKJmtDwSrehmt3wbGv6CxIlPL4OQw5vdnsq4ecPxRkG9UX9/N3PMeReIajUsVORAN7CQT5Fur0rlKWKi6qEwKiiWgUh/tcYgv+wbt5Et/lQd7Odg7nQZARLjA4exO3HUtfbUmFsOgFjyZXcIJj8NwLjWJfPO10y8dOTgkwxuAF9g2q+EQj2pLDVMdVVhOsp1ck3C++xXkO8TsWBPNptdPW6UE1Txmr08MpZdCb+P8mnmM/CpHgMgXP4XBPPZQivAXu5z0QVi+WZCbXVfsaEFtM5jn8DDdG1FzW51JO+HpL8r2HhRGsg8V36xpPWJg4Fit4x3E80yx8w/fYGihdO4iJ7nGMajt+WK4sX7IO5poLGoXgGOiBY3ihh+Elj9e8IBblvoHGs3PPJAsMP8TFsoUxnhXvczT+TjjvNt7z4mX8tU50PH+wWVLUk7AkFUtZLPDM4f6hq4cGeSZWt9giHGIZ04dYj8T/O7Gcied6XHe87Xw2+j4SDsHdhPd9Q3fHJjo1IqrDw32PwbUPwTc4MiL2smsB37kbuI3XLY34H+eoRfmBPRqajhUUjUZwDLy8N1UjeFJTbWMWU4M49kun8FQT/yuU2dOtlAboOU+lhHUDH8MSTxYMLMP2Z2iRj1vycT63Zf7CI1pGOZ2DgCWoYLEHVImZW96ADuQxXOt5VvCjY/o7nmUfWyKqTW6RxoxLGXUzizc8W1ZMsZ+Xuv9rZZ8Dtnf1VK2fCyqw8Ggm6mwP1mVCB6WqccH6R5zrDY3KyQG+9ykRZarXWGhUgmMwO8HWHpZm1LAkYhLbLB4Y9Vh/JAM94GWWGPNegnqTk87RYBRVaoJD0FXfyPNKNSdjvdsQvJSJf4iUlBtHi6TL7BNLyo+HY+eh0mG63toP6rqjcN2d8R764b7PsfIYw7O7SBiZJb7fFnO6Q7H0xwUn4F309jM8WCPWKRBgOrpOX9SI+VQvW833bM+zKI4h5XdWLKWrDropqkmH5gVGth1rpSNcX1cP93F1NGTLmWzQ6ATHQM8+NCYmVqdoqrG1/xQ0ysNQf0JyIfZfZYvB7tkRT5yKuoQnwsCYR7nptgLwH6di5+NoKA+qjzJWFZ0xS/ymjkXP2BNlHWyJyssSvE2T5p4XM7EpV5uUggJ1YUdyxop3t2dXc0F2dxnHI3NM2LZZlGewGgP3dFiNqB8402dla3n/j6Wqr1Q5bNC9OM15X6oRQ+3r1XGLKE/AdQbi+/7X0luR8Lv/d5U+dmrBUBQEx8CHOh2NbQtLk3USZeuw4hz1zsCHH2GL1T9L1HrboqvZNLlnjIgujecm3PO2c/crfn461uPQu/bDi7g+OYWsEjA8TAFRJYQSKrHYEut+JKVm41bb4qM3g7KAsq64KCbWOg+Qz6gSE5O853QG5jhRtaXYwErpwP6JfVMtD8seEJMpgPWOkoLye0nnRD0uqu/ICwqLighsnvSTSC7ThpTGy74ME4JHoXCqDcp+GJQHqiVO5E0Bqs6ATrNvLg7CYaOoCI5RLbo5ljb1TFcXRHdflYkC1qQQk5H4rwGqzsS8et9iC1ZVdATHUNIsNj0aEKD6qIhkPTHJQsoYSrg0mvQ+bW7dKWgPhxQj51OUBMdQL5gzrA4OUPcjzJoPV97EBmUG9ujHBPYFK8mzwQcvoQM+qlg74KKNgmzJ3Iwlfo8GqLvjKqVIJ4OyAr7p0XFx60pLbKjzENrM4cXM7RTtCOcFXvqVdnCx7iOQ11/QWXRGBiWKhRD1rxAl+2lB6rNKp1hE/zqUBMExVMSoJynAqMyKaIj5BzWmCY9B9mBdJL7hi5Z/ks962BLN6+RIESi1g6BkEmsovRuHr0sbUo8/VK0EATqbDEoKKt7nR0GIDViFBnxAqRAbo2RGOBfKEoMlmIEiKNsSGu+UbF1eDAoDDvCkInMdHPAQVtYPimoifBcjSi51FL/g9aEYtyVWRVqwTxy0nnNjYsJVch1MuUMZnJ8JYvs0A2IbsRH0tKVGbIySboBQkp9OErJh3SD1bWFV/qLSahk0MvD9drMk6lqvIPXx/X5jD4+IRPQuSZR8j6/8oF4OyPO7eLYV0eVGb9c44HDnGNHusjKI0AbUQD0wKKhfZLGiLFgsFiGvFJOfwNkqVW95O4bG24wKoTBQofxYxcMhCdfJ4NBH0UGeX0w2kdmirOY0Skn6VFAWk4GPvxj1L4t6YvwbhA98mxPxbW61lJ9cQKxA/RP9vLxLEWUnROCwCRUixcwo2hPHzsDLuAtD3XN9wou72KTBueTwTk+ISwj5TAMCzcR3PAwi6S+ojFCWUjsO5w1VwPkgomvTeQKnwDc45v46oodTBeExSA90ehtWiEU/L+0zOZYjIeP93xARYVjZGaSXtZicM3b+IcFNOWxeRioQnuNxODj0zneX+kS9UADb2AXv62KSjESZzNEcixGsHsVHujrfGWwaE01CLwVJZlWdZE/pT9mBWdR7oknh5QwEnKhFsY1B9WjJmARC+1tlIqZQ2aJJKYKrJcspBwraJpvjVbgDVrg/pwtm1BQAjfOuccn9d3SGghAvPgehXQJCG0NNBE3O8kKlL+J0vVdTlgnpGWhoCy3x1xsVVp7yYgeIbAeVm4D1Z50oe7CZ3U0QUA1ragKqJmvqNEsSGf7FEmPZjCb2ybAlPN6o5lCol5uHggpfdxIJoXWj3PAN3tUD0Nk8uK2EpG9yaPK2hTmKrlOBxdhubnBO9FetCR1eVAAxVMyWmJKcsJGTIPJ6a8oRSuVyNxsnN3WVizHm9YCznmJ1iSVx9sMCs08cicwhwA2J3k2OHNxY4NgxIIa+JITVz5JUzFmz2SkwntNupYoj2lRhCC4FlAsQR13mhPYtKVxwLEhmrb6wZDTkfN1fQHiwiNfrQQXROSRTs8UQzYPat7EkJkhHXmN3R1siXfM2s9JhtwGOlcluNneWojV/vmEITgMQXns0nhOxOcSS/NoFA677gyWjIy+cs24F9v1qydyH9VScjbQteNW2vCaJdMax9dvasm8TKiBsyR7EQqQRnESFDFLCEFxAKKUuS+eGhDTXK3nYkoHneY4MjRfyJRmkhSG4LIBW1gMv7jiSJVfJXUmBJbKsDgEL/O9KR8tikAkMweUIHvlsCVjbXy0dqIzAyn6sJltqgdT1MzLIGobgQgY7xNYJ4blEmJOOrxHAmUEn89IMi4l8Fi4MweUZnCzQ8hAgZ/ihIoItAo7JvGB7crqklwa5wRBcgcEeDBgBt64TsfzWHlE9K5g7hi1dxHm/x+pLpYL4klUPzdQ278MI9hMZFAyG4IoQbHbWXET9bfCB2kA6uq4tIn/3v6OchuBiuS0ZTZdb4ke20lb7UGe58ecrPhiCMzAoIEouLqWBQSnDEJyBQQFhCM7AoIAwBGdgUEAYgjMwKCD+HwAA//+gpfffAAAABklEQVQDAN1PatVwMWWhAAAAAElFTkSuQmCC');

create temporary table standard_seed (number int, level text, goal text, sort int, content text, points numeric);
insert into standard_seed (number, level, goal, sort, content, points) values
    (1, 'street', '发挥党委龙头作用', 1, '对辖区内各类组织各项事务的领导有力有效', 10),
    (1, 'street', '发挥党委龙头作用', 2, '持续深化“大工委”机制作用发挥,经常性研究协调区域党建难题', 10),
    (2, 'street', '规范城市党建综合体建设', 1, '整合提升“红色驿站”等城市基层党建阵地', 5),
    (2, 'street', '规范城市党建综合体建设', 2, '按照“八个有”推进街道党群服务中心规范化建设,具有较高人气和活力', 15),
    (3, 'street', '提升社区减负增能实效', 1, '加大街道、社区对职能部门的评价权重', 10),
    (3, 'street', '提升社区减负增能实效', 2, '推动落实社区事务准入制度,整治牌子多、检查考核评比多等问题', 5),
    (4, 'street', '抓实社区专职工作者队伍建设', 1, '每个社区按照有关配备要求,配备不少于6名专职社区工作者', 10),
    (4, 'street', '抓实社区专职工作者队伍建设', 2, '全面推行专职社区工作者“全岗通”,建立“三岗十八级”岗位等级绩效薪酬制度', 10),
    (4, 'street', '抓实社区专职工作者队伍建设', 3, '推进优秀社区党组织书记依法依章选拔进入街道领导班子', 5),
    (5, 'street', '推进“一街一品”党建品牌建设', 1, '推进街道社区党建与单位党建、行业党建、区域化党建互联互动,统筹抓好辖区内新领域新业态新群体党建工作', 10),
    (5, 'street', '推进“一街一品”党建品牌建设', 2, '打造有特色有影响力的街道城市基层党建品牌', 10),
    (6, 'community', '深化社区“大党委”工作制度', 1, '整合成员单位各自的资源和需求,每年年初列出党建项目清单', 10),
    (6, 'community', '深化社区“大党委”工作制度', 2, '建立“事务共议、资源共享、实事共办、社区共治”工作机制,每季度召开一次会议', 10),
    (7, 'community', '规范党组织体系建设', 1, '建立“社区党组织—网格党支部—楼栋党小组”一贯到底的组织体系', 10),
    (7, 'community', '规范党组织体系建设', 2, '正常开展党组织活动,红船云智慧党建系统使用规范', 10),
    (8, 'community', '推进“三微”治理机制落实落地', 1, '完善“微网格”、健全“微嘉园”、深化“微治理”,打造有特色的社区治理工作', 10),
    (8, 'community', '推进“三微”治理机制落实落地', 2, '推行落实城市社区议事工作制度(党组织提议、党群联议、“两委”商议、党员大会审议、居民代表会议决议)', 10),
    (9, 'community', '完善推进“三社联动”', 1, '结合社区实际,链接社会资源、引育社会组织,通过购买服务方式,开展居家养老、医疗卫生等订单式服务', 5),
    (9, 'community', '完善推进“三社联动”', 2, '指导推进“红色物业”建设和覆盖', 10),
    (10, 'community', '配合完成“一编三定”工作', 1, '科学设定“6+X”服务岗位', 5),
    (10, 'community', '配合完成“一编三定”工作', 2, '每个季度梳理社区需求清单,提供相应团组', 10),
    (10, 'community', '配合完成“一编三定”工作', 3, '每年向报到党员干部所在单位党组织反馈情况并作出客观评价', 10),
    (11, 'compound', '组织建设好', 1, '有条件的城市小区可吸纳物业服务企业、业委会、入驻社会组织和居民业主党员代表成立睦邻家园小区党支部,组建“红色物业”“红色业委会”', 10),
    (11, 'compound', '组织建设好', 2, '整合小区广场、楼道、物业用房等资源,打造“小区党建客厅”等一批睦邻党建工作阵地', 10),
    (12, 'compound', '治理机制好', 1, '由社区“两委”人员、业委会、物业服务企业和业主党员代表组成睦邻“四方议事会”', 10),
    (12, 'compound', '治理机制好', 2, '探索推行“一议三公开”恳谈机制(“四方议事会”对居民关切的小区事务进行民主商议、决策,确保决议内容公开、决议实施过程公开、决议实施评价结果公开)', 10),
    (13, 'compound', '服务管理好', 1, '深化在职党员“一编三定”工作', 5),
    (13, 'compound', '服务管理好', 2, '组织物业管家、党员志愿者、社会组织等力量,常态化开展睦邻小区服务', 5),
    (13, 'compound', '服务管理好', 3, '建好用好“微嘉园”移动服务平台', 10),
    (14, 'compound', '小区品质好', 1, '以“美好家园”为创建目标,打造环境宜人、秩序井然、设施齐全、功能多样的品质住宅小区。', 20),
    (15, 'compound', '邻里关系好', 1, '倡导“无讼小区”建设,用好小区“老娘舅”队伍,将居民纠纷化解在萌芽状态,无因邻里纠纷引发的案件', 10),
    (15, 'compound', '邻里关系好', 2, '定期举办小区睦邻节活动,让更多小区居民走出家门融入家园', 10),
    (16, 'building', '构建“红色体系”', 1, '加强楼宇党的组织和工作覆盖,全面摸清楼宇内党组织和党员底数,推进楼宇内两新组织党组织应建尽建', 15),
    (16, 'building', '构建“红色体系”', 2, '未建党组织的楼宇明确党建指导员,实现党的工作有效覆盖', 5),
    (17, 'building', '培育“红色队伍”', 1, '选优配强楼宇党组织书记,加强楼宇党组织党务工作者培训', 10),
    (17, 'building', '培育“红色队伍”', 2, '注重在楼宇高知识群体、优秀青年白领中发展党员', 10),
    (18, 'building', '建设“红色阵地”', 1, '在有条件的楼宇集聚区建设区域性、开放性、综合性的党群服务中心', 10),
    (18, 'building', '建设“红色阵地”', 2, '推进楼宇党群驿站标准化建设,将规模较大的站点服务资源向周边楼宇开放,实现楼宇党群活动阵地的资源联动、功能优化', 10),
    (19, 'building', '开展“红色物业”', 1, '推行楼宇物业标准化建设,建立党组织、楼宇业委会、物业公司共同参与的楼宇物业议事协商机制,实现一般问题不出楼宇。', 20),
    (20, 'building', '提升“红色服务”', 1, '成立楼宇经济服务联盟,为楼宇经济持续健康高效发展提供针对性服务', 10),
    (20, 'building', '提升“红色服务”', 2, '开展“红色代办”服务,实现楼宇综合服务“一站式”办理', 5),
    (20, 'building', '提升“红色服务”', 3, '丰富楼宇活动载体,为楼宇内企业职工提供形式多样的文化和休闲活动', 5),
    (21, 'business_district', '组织融合共建红色联盟圈', 1, '建立以商圈主体运营方、商铺、物业以及属地社区等多方共同参与的商圈红色联盟,健全联动协同机制、联系沟通机制、联建共建机制', 5),
    (21, 'business_district', '组织融合共建红色联盟圈', 2, '以单独组建、区域联建、行业统建等模式深化“一商圈一党组织”建设,推动党的组织应建尽建', 10),
    (21, 'business_district', '组织融合共建红色联盟圈', 3, '选派商圈党建指导员,加强流动党员教育管理', 5),
    (22, 'business_district', '资源融合共建品质服务圈', 1, '合理布局商圈党群服务站点,摸清商圈资源清单,定制商圈服务菜单,提供审批服务、助企融资、红色代办等全方位服务', 10),
    (22, 'business_district', '资源融合共建品质服务圈', 2, '定期开展品质服务承诺签订、星级商铺评选等活动', 5),
    (22, 'business_district', '资源融合共建品质服务圈', 3, '争创“党员先锋岗”“党员示范岗”“党员诚信岗”,主动亮形象、亮承诺', 10),
    (23, 'business_district', '网格融合共建同心自治圈', 1, '深化“网格连企、暖心扶企”工作,细化完善商圈“微网格”,选优配强商圈专属“微网格长”', 10),
    (23, 'business_district', '网格融合共建同心自治圈', 2, '组建商圈“微网格”议事平台,强化商圈自治管理', 10),
    (24, 'business_district', '人才融合共建互助成长圈', 1, '强化商圈人才招引力度,建立商圈业态、商户、人才信息数据库,针对性开展职业技能、电商创业等培训,孵化培育优质商户,形成互助成长良好氛围。', 15),
    (25, 'business_district', '活动融合共建乐活公益圈', 1, '开展“南湖初心讲堂”进商圈等活动,提高经营户思想认识', 10),
    (25, 'business_district', '活动融合共建乐活公益圈', 2, '组建以党员带领、全员参与的商圈志愿服务队,开展圈内活动轮值,引导企业、商户主动承接社会公益项目,定期开展公益活动,强化商圈社会责任意识', 10),
    (26, 'social_org', '基层工作“智囊团”作用发挥明显', 1, '落实社会组织“三培养”制度,培育社会组织领军人才队伍', 10),
    (26, 'social_org', '基层工作“智囊团”作用发挥明显', 2, '积极参与“三社联动”,推动公共服务和基层社会治理创新', 10),
    (26, 'social_org', '基层工作“智囊团”作用发挥明显', 3, '开展党建工作品牌化建设,辐射带动其他社会组织共同提升', 10),
    (27, 'social_org', '深化改革“助推器”作用发挥明显', 1, '发挥党组织政治核心作用,推动社会组织健康发展有力有效', 10),
    (27, 'social_org', '深化改革“助推器”作用发挥明显', 2, '党建与业务发展融合度高,与社会组织执业活动、日常管理、文化建设等相互促进', 10),
    (27, 'social_org', '深化改革“助推器”作用发挥明显', 3, '设立党员先锋岗、党员责任区等,员工凝聚力强,党员作用发挥好', 10),
    (27, 'social_org', '深化改革“助推器”作用发挥明显', 4, '承接政府转移职能,实施的项目具有一定影响力和社会效应', 10),
    (28, 'social_org', '社会和谐“粘合剂”作用发挥明显', 1, '积极参与公共事务管理,依据社区居民不同需求提供个性化、专业化服务', 10),
    (28, 'social_org', '社会和谐“粘合剂”作用发挥明显', 2, '主动与社区和其他领域党组织结对共建,开展志愿服务,履行社会责任,群众评价好', 10),
    (28, 'social_org', '社会和谐“粘合剂”作用发挥明显', 3, '有条件的社会组织可打造党群服务中心、党群驿站等阵地', 10);

-- The standard (attachment 2, 建设要求): all 28 items in six levels with every sub-item and its
-- points as the plan gives them, each level 100 points; published for each campaign's first year.
do $$
declare
  v_campaign record;
  v_version bigint;
begin
  for v_campaign in select id, start_year from public.campaigns order by id loop
    insert into public.standard_versions (campaign_id, year) values (v_campaign.id, v_campaign.start_year) returning id into v_version;
    with items (number, level, goal) as (
      select distinct number, level::public.unit_kind, goal from standard_seed
    ), inserted as (
      insert into public.standard_items (version_id, level, number, goal)
      select v_version, level, number, goal from items order by number
      returning id, number
    )
    insert into public.standard_subitems (item_id, sort, content, points)
    select i.id, s.sort, s.content, s.points from inserted i join standard_seed s on s.number = i.number;
    update public.standard_versions set status = 'published', published_at = now() where id = v_version;
  end loop;
end
$$;
drop table standard_seed;

-- =============================================================================================
-- Key tasks (attachment 3, 重点任务清单): the 25 tasks in 5 actions for both streets' campaigns,
-- contents exactly as the source lists them; then statuses and progress for a lively demo.
--
-- Deadlines are moved with the campaign, as the phases above are: the source's plan phase starts
-- 2020-10 and its list is 2021年's, so the list's year starts three months after the plan phase
-- does. "2月底" is then the year's end of February (= the plan phase's last day), "3月初" 10 March,
-- "3月" 31 March, "5月"/"5月底" 31 May, "6月"/"6月底"/"6月前" 30 June (= the pilot's last day);
-- "贯穿全年" runs all year, reported monthly (每月), every two months (每两月) or quarterly
-- (每季度) where the content says so. For street 1 (plan phase from last month) the list is
-- ahead of it; street 2 (six months in) is past its February and March tasks.
-- The source's 党建办(组织) is the member office 党建办（组织） (full-width parentheses).
-- =============================================================================================
do $$
declare
  v_c record;
  v_t record;
  v_year date;
  v_task bigint;
  v_leads bigint[];
begin
  for v_c in
    select c.id, c.street_id, p.starts_on
      from public.campaigns c join public.campaign_phases p on p.campaign_id = c.id and p.phase = 'plan'
     where c.street_id in (1, 2) order by c.street_id
  loop
    v_year := (date_trunc('month', v_c.starts_on) + interval '3 months')::date;
    for v_t in
      select * from (values
      ('brand', 1, '对照《城市基层党建全域提升建设要求》开展自查', '2月底', 2, 0, null, array['党建办（组织）', '社管中心']),
      ('brand', 2, '各社区、小区、商圈、楼宇、社会组织等自主申报', '2月底', 2, 0, null, array['党建办（组织）', '社管中心']),
      ('brand', 3, '深化“大党委”制度,社区每年初建立需求清单、资源清单、党建项目清单,项目运行有成效', '3月', 3, 0, null, array['社管中心', '党建办（组织）']),
      ('brand', 4, '举办亮晒比选活动,街道择优确定若干个点,组建专班予以重点扶持、先行打造', '3月初', 3, 10, null, array['党建办（组织）', '社管中心']),
      ('brand', 5, '组织开展创意主题党日', '5月底', 5, 0, null, array['党建办（组织）']),
      ('brand', 6, '完成打造首批示范型社区、小区、商圈、楼宇、社会组织', '6月底', 6, 0, null, array['党建办（组织）']),
      ('brand', 7, '规范开展组织生活,《基层党组织工作手册》记录及时规范;红船云智慧党建系统活跃度不低于100%', '贯穿全年', null, null, null, array['党建办（组织）']),
      ('brand', 8, '依托“微嘉园”,每月开展“嘉园卡”积分兑换活动,至少有1-2条特色服务兑换项目', '贯穿全年', null, null, 'monthly', array['社会治理办']),
      ('brand', 9, '每季度“一编三定”各团组开展活动', '贯穿全年', null, null, 'quarterly', array['党建办（组织）']),
      ('two_new_orgs', 10, '结合年轻干部培养,抓实两新组织党建指导员队伍建设,确保“一企一员”全覆盖', '3月', 3, 0, null, array['党建办（组织）']),
      ('two_new_orgs', 11, '深化“双覆盖攻坚”,完成年度县下达的新建党组织指标任务', '6月前', 6, 0, null, array['党建办（组织）']),
      ('two_new_orgs', 12, '深化“三先”及“车间政委”建设,提升1个示范点,新建1个示范点,形成1个党建品牌', '6月', 6, 0, null, array['党建办（组织）']),
      ('two_new_orgs', 13, '完成绮园景区区域化党建品牌建设', '6月底', 6, 0, null, array['党建办（组织）']),
      ('two_new_orgs', 14, '吾悦广场党建示范点建设', '6月底', 6, 0, null, array['党建办（组织）']),
      ('red_property', 15, '小区支部应建尽建;“党群家园”改造提升工程全面完成,各社区至少打造1个示范型党群家园,工作开展有特色、显成效', '5月底', 5, 0, null, array['党建办（组织）']),
      ('red_property', 16, '健全完善社区党组织领导下的“红色物业”党建联动议事服务机制,定期开展小区管理中各类民生事项的意见征求、研究分析、协商会办、成效评估等工作', '贯穿全年', null, null, null, array['社管中心']),
      ('red_property', 17, '结合各小区、楼道实际,设置“微家服务岗”等提供专业化精准化服务', '贯穿全年', null, null, null, array['社管中心']),
      ('red_property', 18, '定期联合业委会开展形式多样的小区睦邻活动', '贯穿全年', null, null, null, array['社管中心']),
      ('red_magnet', 19, '“红色驿站”改造提升工程全面完成,每个社区至少打造1个可看的点', '5月', 5, 0, null, array['党建办（组织）', '环卫中心']),
      ('red_magnet', 20, '结合“厕所革命”扩展功能,打造“城市驿站”', '6月', 6, 0, null, array['城发办', '环卫中心']),
      ('red_magnet', 21, '做实“两新共携手”、“三服务流动站”,建立覆盖各领域微网格、每月两次开展的“志愿同行365”轮值机制', '贯穿全年', null, null, 'monthly', array['党建办（组织）']),
      ('social_orgs', 22, '制定社工站社会组织入驻及管理手册,发挥好枢纽型社会组织功能', '贯穿全年', null, null, null, array['社管中心']),
      ('social_orgs', 23, '以全年为周期,每两月1期开展社区社会组织社工系统化、全领域、赋能增智成长活动', '贯穿全年', null, null, 'bimonthly', array['社管中心']),
      ('social_orgs', 24, '开展睦邻客厅专题培训,工作坊,经验交流会等全年6次,助力睦邻客厅全面提升', '贯穿全年', null, null, null, array['社管中心']),
      ('social_orgs', 25, '年度内策划实施1场社区公益项目创投,筛选至少6个项目参与县级公益创投大赛,实现不少于2个优秀项目', '贯穿全年', null, null, null, array['社管中心'])      ) as t (action, number, content, source_when, month, day, cadence, leads)
    loop
      insert into public.key_tasks (campaign_id, year_starts_on, action, number, content, deadline, all_year, cadence)
      values (v_c.id, v_year, v_t.action::public.key_task_action, v_t.number, v_t.content,
              case when v_t.month is null then null
                   when v_t.day = 0 then (v_year + make_interval(months => v_t.month) - interval '1 day')::date
                   else (v_year + make_interval(months => v_t.month - 1, days => v_t.day - 1))::date end,
              v_t.month is null, v_t.cadence::public.key_task_cadence)
      returning id into v_task;
      select array_agg(o.id order by array_position(v_t.leads, o.name)) into v_leads
        from public.campaign_member_offices o where o.campaign_id = v_c.id and o.name = any (v_t.leads);
      if coalesce(array_length(v_leads, 1), 0) <> array_length(v_t.leads, 1) then
        raise exception 'key task %: lead offices % are not all member offices of campaign %', v_t.number, v_t.leads, v_c.id;
      end if;
      insert into public.key_task_leads (task_id, office_id, sort)
      select v_task, l.office, l.ord from unnest(v_leads) with ordinality as l (office, ord);
    end loop;
  end loop;
end
$$;

-- Street 1 has just begun: the self-check and the applications are under way.
update public.key_tasks set status = 'in_progress' where street_id = 1 and number in (1, 2);
insert into public.key_task_reports (task_id, note, reported_by, created_at)
select t.id, r.note, '00000000-0000-4000-a000-000000000101', now() - r.ago
  from (values
    (1, '已印发自查清单，组织各社区对照《建设要求》逐项自查，自查报告月底前报党建办。', interval '12 days'),
    (2, '申报通道已开放，已有 4 个社区提交申报表，其余社区正在填报。', interval '3 days')
  ) as r (number, note, ago)
  join public.key_tasks t on t.street_id = 1 and t.number = r.number;

-- Street 2 is past its February and March tasks: four done, task 10 overdue; the all-year tasks
-- running, with their monthly, quarterly and two-monthly reports up to last month (task 21's
-- last month missing), this period's still to come.
update public.key_tasks t set status = s.status::public.key_task_status
  from (values (1, 'done'), (2, 'done'), (3, 'done'), (4, 'done'), (5, 'in_progress'), (6, 'in_progress'), (7, 'in_progress'),
               (8, 'in_progress'), (9, 'in_progress'), (10, 'in_progress'), (11, 'in_progress'), (14, 'blocked'), (15, 'in_progress'),
               (16, 'in_progress'), (17, 'in_progress'), (18, 'in_progress'), (19, 'in_progress'), (21, 'in_progress'),
               (22, 'in_progress'), (23, 'in_progress')) as s (number, status)
 where t.street_id = 2 and t.number = s.number;
insert into public.key_task_reports (task_id, period, note, reported_by, created_at)
select t.id, case when r.period is null then null else (t.year_starts_on + make_interval(months => r.period))::date end,
       r.note, '00000000-0000-4000-a000-000000000201',
       -- a period's report late in its period; a one-off note days before its (passed) deadline, or days ago
       case when r.period is not null then t.year_starts_on + make_interval(months => r.period, days => r.day) + interval '16 hours'
            when t.deadline < current_date then t.deadline - make_interval(days => r.day) + interval '17 hours'
            else now() - make_interval(days => r.day) end
  from (values
    (1, null, 3, '各社区、小区、商圈、楼宇、社会组织自查全部完成，问题清单已汇总。'),
    (2, null, 1, '共收到 6 个社区、21 个小区的自主申报，已完成汇总审核。'),
    (3, null, 2, '7 个社区均建立需求、资源、党建项目三张清单，首批 12 个项目已启动。'),
    (4, null, 1, '亮晒比选已举办，择优确定 3 个社区、5 个小区先行打造，专班已组建。'),
    (10, null, 4, '已为 16 家企业选派党建指导员，尚有 4 家新成立企业未落实。'),
    (14, null, 6, '示范点选址需与商场运营方重新协调，暂缓施工。'),
    (8, 0, 27, '本月开展“嘉园卡”积分兑换 2 场，兑换理发、家电维修等特色服务 86 人次。'),
    (8, 1, 28, '本月积分兑换 3 场，新增“助老陪诊”特色兑换项目，兑换 112 人次。'),
    (8, 2, 27, '本月积分兑换 2 场，兑换 95 人次；下月计划走进睦邻客厅。'),
    (21, 0, 26, '“志愿同行365”本月轮值 2 次，覆盖 18 个微网格，参与志愿者 64 人次。'),
    (21, 1, 26, '本月轮值 2 次，“三服务流动站”进企业 3 家。'),
    (9, 0, 85, '本季度“一编三定”6 个团组均已开展活动，共 14 场。'),
    (23, 0, 55, '第一期社工赋能活动：社区社会组织项目设计工作坊，参与 42 人。')
  ) as r (number, period, day, note)
  join public.key_tasks t on t.street_id = 2 and t.number = r.number;

-- =============================================================================================
-- Targets (行动目标, section 二 of the plan) for both streets' campaigns, and one scored round for
-- street 1 so the dashboard measures something.
--
-- Dates move with the campaign as its phases do (the plan phase starts in the seed's 2020-10, and
-- the phases above keep the seed's lengths), so each of the seed's milestones is a month's end
-- counted from the phases:
--   到2021年6月底 → the pilot phase's last day (the seed's pilot runs to June 2021);
--   到2022年12月  → 18 months after the pilot's end (month end: 2021-06-30 + 18 months);
--   到2023年12月  → the acceptance phase's last day (the seed's acceptance ends December 2023),
--                   30 months after the pilot's end.
-- 到2021年2月 sets no count of units (it starts the work), so it has no target. The counts are the
-- seed's own, for both streets, as the office would type them in; the demo streets are smaller
-- than the seed's, so some counts exceed the street's units (the dashboard says so).
-- Targets about 党群服务中心 and 红色驿站 are left out: they are sites, not units that are graded
-- (no unit kind), so nothing measures them. The seed's "示范型楼宇、商圈2个" (June) is read as 2
-- each, as its December 2022 line says "各2个" cumulatively.
-- =============================================================================================
do $$
declare
  v_c record;
begin
  for v_c in
    select c.id, p.ends_on as pilot_ends, a.ends_on as acceptance_ends
      from public.campaigns c
      join public.campaign_phases p on p.campaign_id = c.id and p.phase = 'pilot'
      join public.campaign_phases a on a.campaign_id = c.id and a.phase = 'acceptance'
     where c.street_id in (1, 2)
  loop
    insert into public.campaign_targets (campaign_id, due_on, unit_kind, grade, count, share, note)
    select v_c.id,
           case t.milestone when 1 then v_c.pilot_ends
                            when 2 then (v_c.pilot_ends + 1 + interval '18 months' - interval '1 day')::date
                            else v_c.acceptance_ends end,
           t.kind::public.unit_kind, t.grade, t.count, t.share, t.note
      from (values
        (1, 'street', 'standard', 1, null::numeric, '全面建成城市基层党建标准型街道'),
        (1, 'community', 'standard', null, 1, '标准型社区达100%'),
        (1, 'compound', 'standard', null, 1, '标准型小区达100%'),
        (1, 'community', 'demonstration', 6, null, '其中示范型社区6个'),
        (1, 'compound', 'demonstration', 33, null, '其中示范型小区33个'),
        (1, 'building', 'demonstration', 2, null, '建成示范型楼宇、商圈2个'),
        (1, 'business_district', 'demonstration', 2, null, '建成示范型楼宇、商圈2个'),
        (1, 'social_org', 'demonstration', 1, null, '示范型社会组织1个'),
        (2, 'community', 'demonstration', 11, null, '累计建成示范型社区11个'),
        (2, 'compound', 'demonstration', 60, null, '累计建成示范型小区60个'),
        (2, 'building', 'demonstration', 2, null, '累计建成示范型楼宇各2个'),
        (2, 'business_district', 'demonstration', 2, null, '累计建成示范型商圈各2个'),
        (2, 'social_org', 'demonstration', 2, null, '累计建成示范型社会组织2个'),
        (3, 'street', 'demonstration', 1, null, '全面建成城市基层党建示范型街道'),
        (3, 'community', 'demonstration', null, 1, '示范型社区达100%'),
        (3, 'compound', 'demonstration', null, 1, '示范型小区达100%'),
        (3, 'social_org', 'demonstration', 3, null, '累计建成示范型社会组织3个')
      ) as t (milestone, kind, grade, count, share, note);
  end loop;
end
$$;

-- Street 1's self-check (自查, the plan phase's round) on its published standard: two reviewers
-- (made-up ids; scores need no account) scored six of the eight communities with their compounds,
-- every building, business district and social organisation, and the street itself; 新桥 and 柳岸
-- (107, 108) and their compounds are not scored yet. Each unit gets a total the reviewers aim at:
-- every sub-item at that share of its points, one reviewer a point above, the other a point below.
-- The grades are then computed as recompute_grades() does. Against the June targets: the street is
-- not standard yet (not every community and compound is), 4 of 8 communities and 20 of 30 compounds
-- are standard, 2 communities and 8 compounds at demonstration; 2 buildings and 2 social
-- organisations are at demonstration (met), 1 business district of the 2 asked for (not met).
do $$
declare
  v_round bigint;
  v_reviewer_a constant uuid := '00000000-0000-4000-a000-0000000001a1';
  v_reviewer_b constant uuid := '00000000-0000-4000-a000-0000000001a2';
begin
  insert into public.score_rounds (campaign_id, kind, year, version_id, created_at)
  select c.id, 'self_check', v.year, v.id, now() - interval '5 days'
    from public.campaigns c
    join public.standard_versions v on v.campaign_id = c.id and v.status = 'published'
   where c.street_id = 1
   order by v.year
   limit 1
  returning id into v_round;

  with aims (unit_id, aim) as (
    values
      (1, 88),
      -- communities: 禾丰 standard; 枫林, 锦绣 demonstration; 望湖 has a compound below 75; 丰泽
      -- has one compound of four at demonstration (25% < 30%); 桂园 scores below 75
      (101, 85), (102, 92), (103, 80), (104, 94), (105, 93), (106, 72),
      -- their compounds, in order
      (1001, 93), (1002, 86), (1003, 82), (1004, 78),
      (1005, 95), (1006, 92), (1007, 84), (1008, 80),
      (1009, 88), (1010, 77), (1011, 70), (1012, 92),
      (1013, 96), (1014, 93), (1015, 91),
      (1016, 94), (1017, 85), (1018, 79), (1019, 77),
      (1020, 83), (1021, 72), (1022, 88),
      -- buildings, business districts, social organisations
      (2001, 94), (2002, 92), (2003, 81),
      (2004, 93), (2005, 86),
      (2006, 95), (2007, 92), (2008, 78)
  ),
  sheet as (
    select a.unit_id, s.id as subitem_id, s.points, a.aim
      from aims a
      join public.units u on u.id = a.unit_id
      join public.score_rounds r on r.id = v_round
      join public.standard_items i on i.version_id = r.version_id and i.level = u.kind
      join public.standard_subitems s on s.item_id = i.id
  )
  insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score, updated_at)
  select v_round, s.unit_id, s.subitem_id, r.scorer, 'reviewer',
         least(s.points, round(s.points * (s.aim + r.delta) / 100.0, 1)), now() - interval '5 days'
    from sheet s
    cross join (values (v_reviewer_a, 1), (v_reviewer_b, -1)) as r (scorer, delta);

  insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration,
                                  parts, parts_standard, parts_demo, reasons, computed_at)
  select v_round, g.unit_id, g.kind, g.street_id, g.community_id, g.total, g.standard, g.demonstration,
         g.parts, g.parts_standard, g.parts_demo, g.reasons, now() - interval '5 days'
    from private.round_grades(v_round) g;
end
$$;

-- Street 2 is in its pilot phase: its communities' applications were approved and their
-- self-checks handed in during the plan phase, in its self-check round (自查), which its office
-- published before advancing: each community self-scored and two reviewers scored it; 翠屏社区 is
-- already a pilot, 松涛社区 and 云溪社区 wait for the office to pick pilots. The round is made
-- while the campaign stood in the plan phase, as the office made it then (score_rounds_gate).
do $$
declare
  v_office2 constant uuid := '00000000-0000-4000-a000-000000000201';
  v_campaign_instance bigint;
  v_advanced_at timestamptz;
  v_round bigint;
  v_app record;
  v_instance bigint;
  v_event bigint;
  v_form jsonb;
  v_step record;
begin
  select c.instance_id into v_campaign_instance from public.campaigns c where c.street_id = 2;
  select e.created_at into v_advanced_at from public.workflow_events e where e.instance_id = v_campaign_instance and e.event = 'advance';
  update public.workflow_instances set state = 'plan' where id = v_campaign_instance;
  insert into public.score_rounds (campaign_id, kind, year, version_id, created_at)
  select c.id, 'self_check', v.year, v.id, v_advanced_at - interval '30 days'
    from public.campaigns c
    join public.standard_versions v on v.campaign_id = c.id and v.status = 'published'
   where c.street_id = 2
   order by v.year
   limit 1
  returning id into v_round;
  update public.workflow_instances set state = 'pilot' where id = v_campaign_instance;

  -- each community's own score (self) and two reviewers' (the grade), every sub-item at a share
  insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score, updated_at)
  select v_round, u.id, s.id, r.scorer, r.role, least(s.points, round(s.points * (a.aim + r.delta) / 100.0, 1)), v_advanced_at - interval '12 days'
    from (values (201, 86), (202, 93), (203, 81)) as a (unit_id, aim)
    join public.units u on u.id = a.unit_id
    join public.score_rounds sr on sr.id = v_round
    join public.standard_items i on i.version_id = sr.version_id and i.level = u.kind
    join public.standard_subitems s on s.item_id = i.id
    cross join (values ('00000000-0000-4000-a000-0000000002a1'::uuid, 'self', 3),
                       ('00000000-0000-4000-a000-0000000002a2'::uuid, 'reviewer', 1),
                       ('00000000-0000-4000-a000-0000000002a3'::uuid, 'reviewer', -1)) as r (scorer, role, delta);
  insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration,
                                  parts, parts_standard, parts_demo, reasons, computed_at)
  select v_round, g.unit_id, g.kind, g.street_id, g.community_id, g.total, g.standard, g.demonstration,
         g.parts, g.parts_standard, g.parts_demo, g.reasons, v_advanced_at - interval '3 days'
    from private.round_grades(v_round) g;
  update public.score_rounds set published_at = v_advanced_at - interval '3 days' where id = v_round;

  for v_app in select * from (values (201, 'self_checked'), (202, 'pilot'), (203, 'self_checked')) as a (community, state) loop
    v_form := jsonb_build_object(
      'registered_households', 700 + v_app.community, 'registered_people', 2000 + v_app.community * 3,
      'resident_households', 800 + v_app.community, 'resident_people', 2400 + v_app.community * 3,
      'compound_ids', (select jsonb_agg(u.id order by u.id) from public.units u where u.community_id = v_app.community and u.kind = 'compound'),
      'creation_type', 'standard', 'demo_compound_ids', '[]'::jsonb, 'social_org_count', 2 + v_app.community % 4,
      'measures', '以网格党建为抓手，推行“吹哨报到”，整合辖区资源开展为民服务。',
      'brand_name', (array['松涛红邻里', '翠屏同心坊', '云溪暖心家'])[v_app.community - 200],
      'brand_goal', '建成标准型社区，培育一社区一品牌。',
      'milestones', jsonb_build_array(jsonb_build_object('content', '完成小区党支部组建', 'due_on', to_char(current_date + 90, 'YYYY-MM-DD'))));
    insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, form_saved_at, created_by, revision, created_at)
    values ('application', 1, v_app.state, v_app.community, 2, v_app.community, v_form, now() - interval '150 days', v_office2,
            case v_app.state when 'pilot' then 5 else 4 end, now() - interval '160 days')
    returning id into v_instance;
    for v_step in
      select * from (values
        (1, 'start', null, 'draft', '{}'::jsonb, 160), (2, 'submit', 'draft', 'submitted', '{}', 150), (3, 'open', 'submitted', 'in_review', '{}', 148),
        (4, 'approve', 'in_review', 'approved', '{"opinion":"同意该社区申报标准型社区。"}', 146), (5, 'self_check', 'approved', 'self_checked', '{}', 40),
        (6, 'pick_pilot', 'self_checked', 'pilot', '{}', 20)
      ) as s (n, event, from_state, to_state, payload, days_ago)
      where s.n <= case v_app.state when 'pilot' then 6 else 5 end
      order by s.n
    loop
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, actor_id, actor_roles, street_id, community_id, created_at)
      -- the communities' filers have no demo account: their steps carry the role without a user
      values (v_instance, 'application', 1, v_step.event, v_step.from_state, v_step.to_state, v_step.payload,
              case when v_step.event in ('submit', 'self_check') then null else v_office2 end,
              case when v_step.event in ('submit', 'self_check') then '{community_filer}'::text[] else '{street_office}' end, 2, v_app.community,
              -- handed in after the scores, before the round was published
              case when v_step.event = 'self_check' then v_advanced_at - interval '8 days' else now() - make_interval(days => v_step.days_ago) end)
      returning id into v_event;
      if v_step.event = 'submit' then
        insert into public.workflow_snapshots (instance_id, event_id, form, street_id, community_id, created_at)
        values (v_instance, v_event, v_form, 2, v_app.community, now() - make_interval(days => v_step.days_ago));
      end if;
      -- the self-check as the plugin's recordRound action records it
      if v_step.event = 'self_check' then
        insert into public.application_rounds (instance_id, round_id, event_id, self_total, reviewer_total, created_at)
        values (v_instance, v_round, v_event,
                (select round(sum(x.mean), 1) from (select avg(e.score) as mean from public.score_entries e
                  where e.round_id = v_round and e.unit_id = v_app.community and e.scorer_role = 'self' group by e.subitem_id) x),
                (select t.total from public.unit_totals t where t.round_id = v_round and t.unit_id = v_app.community),
                v_advanced_at - interval '8 days');
      end if;
    end loop;
  end loop;
end
$$;
