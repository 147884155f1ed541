-- 网格化治理's demo data, after the core's seed (same transaction): 青禾街道's departments, the
-- grids and micro-grids of three of its communities with a few hundred households, their staff,
-- the street's lists, and 禾丰社区's events at every step (one overdue, one reopened after 不满意).
-- The accounts listed in the README: grid.c1 (禾丰社区第一网格's 网格员), worker.c1 (禾丰社区's
-- 社区工作者), handler.s1 (社管中心) and handler2.s1 (城发办); the other staff sign in too
-- (staff.NN@demo.local), all with demo123456.

with demo (id, email, full_name, cost) as (
  values
    ('00000000-0000-4000-a000-000000000401'::uuid, 'grid.c1@demo.local', '禾丰社区第一网格网格员', 10),
    ('00000000-0000-4000-a000-000000000402'::uuid, 'worker.c1@demo.local', '禾丰社区工作者', 10),
    ('00000000-0000-4000-a000-000000000403'::uuid, 'handler.s1@demo.local', '社管中心经办人', 10),
    ('00000000-0000-4000-a000-000000000404'::uuid, 'handler2.s1@demo.local', '城发办经办人', 10)
  union all
  select ('00000000-0000-4000-a000-0000000005' || lpad(g::text, 2, '0'))::uuid, 'staff.' || lpad(g::text, 2, '0') || '@demo.local',
         (array['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'])[g] || (array['秀英', '建国', '桂兰', '志强', '丽华', '海燕', '德明', '玉梅'])[1 + g % 8],
         6
  from generate_series(1, 16) g
),
inserted as (
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
    confirmation_token, recovery_token, email_change_token_new, email_change
  )
  select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
         extensions.crypt('demo123456', extensions.gen_salt('bf', cost)), now(),
         '{"provider": "email", "providers": ["email"]}'::jsonb,
         jsonb_build_object('full_name', full_name), now(), now(), '', '', '', ''
  from demo
  returning id, email
)
insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', true), 'email', now(), now(), now()
from inserted;

-- The street's departments (the lead units of the key-task list), and its lists.
insert into public.units (id, kind, name, parent_id)
select id, 'street_department', name, 1
from (values (3001, '党建办'), (3002, '社管中心'), (3003, '社会治理办'), (3004, '城发办'), (3005, '环卫中心')) d (id, name);

insert into public.grid_lists (unit_id, list, label, position)
select 1, 'event_category', label, n from unnest(array['安全隐患', '矛盾纠纷', '民生需求', '环境卫生', '群众诉求', '其他']) with ordinality c (label, n)
union all
select 1, 'household_tag', label, n from unnest(array['独居老人', '困难家庭', '党员户', '出租户', '残疾人家庭', '退役军人']) with ordinality t (label, n);

-- Grids: 禾丰社区's 第一网格 has two 二级网格 of two micro-grids each, its 第二网格 three
-- micro-grids; 枫林社区 and 望湖社区 two grids of three micro-grids each.
insert into public.units (id, kind, name, parent_id) values
  (3101, 'grid', '禾丰社区第一网格', 101), (3102, 'grid', '禾丰社区第二网格', 101),
  (3103, 'grid', '第一网格一片区', 3101), (3104, 'grid', '第一网格二片区', 3101),
  (3201, 'grid', '枫林社区第一网格', 102), (3202, 'grid', '枫林社区第二网格', 102),
  (3301, 'grid', '望湖社区第一网格', 103), (3302, 'grid', '望湖社区第二网格', 103);
insert into public.units (id, kind, name, parent_id)
select 3500 + n, 'micro_grid', name, parent
from (values
  (1, '禾丰苑1号楼微网格', 3103), (2, '禾丰苑2号楼微网格', 3103), (3, '禾润家园1号楼微网格', 3104), (4, '禾润家园2号楼微网格', 3104),
  (5, '丰禾雅居东区微网格', 3102), (6, '丰禾雅居西区微网格', 3102), (7, '青禾新村微网格', 3102),
  (8, '枫林雅苑微网格', 3201), (9, '枫林新村南微网格', 3201), (10, '枫林新村北微网格', 3201),
  (11, '红枫花园微网格', 3202), (12, '枫香小区一微网格', 3202), (13, '枫香小区二微网格', 3202),
  (14, '望湖苑微网格', 3301), (15, '湖畔人家微网格', 3301), (16, '观澜小区微网格', 3301),
  (17, '澄湖花园东微网格', 3302), (18, '澄湖花园西微网格', 3302), (19, '澄湖花园北微网格', 3302)
) m (n, name, parent);

-- Staff: grid.c1 is 第一网格's 网格员, worker.c1 禾丰社区's 社区工作者, the handlers their
-- departments'; each micro-grid a 微网格员 but 澄湖花园北微网格 (the coverage check flags it),
-- each first-level grid a 网格长.
insert into public.memberships (user_id, unit_id, role) values
  ('00000000-0000-4000-a000-000000000401', 3101, 'grid_worker'),
  ('00000000-0000-4000-a000-000000000402', 101, 'community_worker'),
  ('00000000-0000-4000-a000-000000000403', 3002, 'office_handler'),
  ('00000000-0000-4000-a000-000000000404', 3004, 'office_handler');
insert into public.memberships (user_id, unit_id, role)
select ('00000000-0000-4000-a000-0000000005' || lpad((1 + (n - 1) % 16)::text, 2, '0'))::uuid, 3500 + n, 'micro_grid_worker'
from generate_series(1, 18) n;
insert into public.memberships (user_id, unit_id, role)
select ('00000000-0000-4000-a000-0000000005' || lpad((10 + n)::text, 2, '0'))::uuid, g, 'grid_leader'
from unnest(array[3101, 3102, 3201, 3202, 3301, 3302]) with ordinality x (g, n);

-- Households: 12 to 14 per micro-grid in its compound's buildings, 禾润家园2号楼 only 8 and
-- 青禾新村 17 (flagged), and three of 枫林社区's not yet placed in a micro-grid.
insert into public.grid_households (unit_id, compound, building, unit_no, room, size, contact_name, contact_phone, tags)
select m.id, c.name, (m.id - 3500)::text, (1 + h % 2)::text, (100 * (1 + h / 4) + 1 + h % 4)::text,
       1 + (m.id + h) % 5,
       (array['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴'])[1 + (m.id + h) % 10] || (array['建华', '淑珍', '国强', '秀兰', '振东', '美玲', '文斌'])[1 + h % 7],
       '139' || lpad(((m.id * 97 + h * 13) % 100000000)::text, 8, '0'),
       case when h % 9 = 0 then '{独居老人}'::text[] when h % 11 = 0 then '{困难家庭}' when h % 7 = 0 then '{党员户}' when h % 13 = 0 then '{出租户}' else '{}' end
from public.units m
cross join lateral (
  select u.name from public.units u where u.kind = 'compound' and u.community_id = m.community_id
  order by u.id offset ((m.id - 3501) % 3) limit 1
) c
cross join lateral generate_series(1, case m.id when 3504 then 8 when 3507 then 17 else 12 + m.id % 3 end) h
where m.kind = 'micro_grid' and m.id between 3501 and 3519;
-- (each micro-grid its own building of the compound, so no two share an address)
insert into public.grid_households (unit_id, compound, building, unit_no, room, size, contact_name, contact_phone)
values (102, '枫林新村', '9', '1', '301', 2, '孙立新', '13911112222'),
       (102, '枫林新村', '9', '1', '302', 4, '钱晓梅', '13911113333'),
       (102, '枫林新村', '9', '2', '101', 1, '郑大爷', null);

-- 禾丰社区's events, each at a step (the log as fire_event writes it; the triggers plan the
-- deadlines from when each step was entered): one per state, 部门处置 overdue, 会商研判 with two
-- departments signing, and one reopened after 不满意; and two in 第二网格, reported by its own
-- micro-grid's worker (staff.05), which 第一网格's grid.c1 does not see.
do $$
declare
  v_grid uuid := '00000000-0000-4000-a000-000000000401';
  v_worker uuid := '00000000-0000-4000-a000-000000000402';
  v_office uuid := '00000000-0000-4000-a000-000000000101';
  v_handler uuid := '00000000-0000-4000-a000-000000000403';
  v_handler2 uuid := '00000000-0000-4000-a000-000000000404';
  v_spec record;
  v_step jsonb;
  v_instance bigint;
  v_event bigint;
  v_state text;
  v_at timestamptz;
  v_household bigint;
  v_reporter uuid;
begin
  for v_spec in
    select * from (values
      (3501, '安全隐患', '1号楼楼道堆放纸箱杂物，堵塞消防通道', '禾丰苑1号楼2单元', 'urgent',
        '[]'::jsonb),
      (3501, '民生需求', '独居老人反映家中水管老化漏水，需协助联系维修', '禾丰苑1号楼1单元', 'normal',
        '[["report","draft","triage",0,"grid_worker"]]'),
      (3502, '环境卫生', '小区垃圾分类投放点周边有积存垃圾', '禾丰苑2号楼北侧', 'normal',
        '[["report","draft","triage",3,"grid_worker"],["handle_in_grid","triage","grid_handling",2,"community_worker"]]'),
      (3503, '矛盾纠纷', '楼上楼下因装修噪音发生争执，需调解', '禾润家园1号楼', 'normal',
        '[["report","draft","triage",4,"grid_worker"],["assign_community","triage","community_handling",3,"community_worker"]]'),
      (3503, '群众诉求', '居民反映小区路灯损坏多日未修', '禾润家园1号楼东侧道路', 'urgent',
        '[["report","draft","triage",2,"grid_worker"],["escalate","triage","street_dispatch",1,"community_worker"]]'),
      (3504, '安全隐患', '地下车库电动车违规充电，存在火灾隐患', '禾润家园2号楼地下车库', 'normal',
        '[["report","draft","triage",15,"grid_worker"],["escalate","triage","street_dispatch",14,"community_worker"],["dispatch","street_dispatch","office_handling",13,"street_office"]]'),
      (3501, '群众诉求', '沿街商铺占道经营，影响居民通行', '禾丰苑南门', 'normal',
        '[["report","draft","triage",6,"grid_worker"],["escalate","triage","street_dispatch",5,"community_worker"],["dispatch","street_dispatch","office_handling",4,"street_office"],["consult","office_handling","consulting",2,"office_handler"]]'),
      (3502, '民生需求', '困难家庭申请临时救助，需核实情况', '禾丰苑2号楼3单元', 'normal',
        '[["report","draft","triage",5,"grid_worker"],["handle_in_grid","triage","grid_handling",4,"community_worker"],["resolve","grid_handling","visit",1,"grid_worker"]]'),
      (3501, '环境卫生', '绿化带内有建筑垃圾未清运', '禾丰苑1号楼西侧', 'normal',
        '[["report","draft","triage",9,"grid_worker"],["handle_in_grid","triage","grid_handling",8,"community_worker"],["resolve","grid_handling","visit",6,"grid_worker"],["visit_satisfied","visit","closed",5,"grid_worker"]]'),
      (3503, '环境卫生', '楼顶水箱渗水，影响顶楼住户', '禾润家园1号楼顶楼', 'urgent',
        '[["report","draft","triage",10,"grid_worker"],["assign_community","triage","community_handling",9,"community_worker"],["resolve","community_handling","visit",7,"community_worker"],["visit_unsatisfied","visit","triage",1,"grid_worker"]]'),
      (3502, '其他', '重复上报的同一处路面破损', '禾丰苑2号楼门前', 'normal',
        '[["report","draft","triage",3,"grid_worker"],["close_invalid","triage","discarded",2,"community_worker"]]'),
      (3505, '安全隐患', '东区3号楼外墙瓷砖松动，有坠落风险', '丰禾雅居东区3号楼', 'urgent',
        '[["report","draft","triage",1,"grid_worker"]]'),
      (3505, '民生需求', '东区老人希望增设楼道扶手', '丰禾雅居东区5号楼', 'normal',
        '[["report","draft","triage",8,"grid_worker"],["handle_in_grid","triage","grid_handling",7,"community_worker"],["resolve","grid_handling","visit",4,"grid_worker"],["visit_satisfied","visit","closed",3,"grid_worker"]]')
    ) s (unit, category, description, location, urgency, steps)
  loop
    select h.id into v_household from public.grid_households h where h.unit_id = v_spec.unit order by h.id limit 1;
    -- 第一网格's events are grid.c1's; another grid's, its micro-grid worker's.
    select case when 3101 = any (u.unit_path) then v_grid else
             (select m.user_id from public.memberships m where m.unit_id = u.id and m.role = 'micro_grid_worker' order by m.user_id limit 1) end
      into v_reporter from public.units u where u.id = v_spec.unit;
    v_at := now() - make_interval(days => coalesce((v_spec.steps->0->>3)::int, 0) + 1);
    insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, form_saved_at, created_by, created_at)
    values ('grid_governance', 1, 'draft', v_spec.unit, 1, 101,
            jsonb_build_object('category', v_spec.category, 'description', v_spec.description, 'location', v_spec.location,
                               'urgency', v_spec.urgency, 'household_id', v_household),
            v_at, v_reporter, v_at)
    returning id into v_instance;
    insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id, created_at)
    values (v_instance, 'grid_governance', 1, 'start', null, 'draft', v_reporter,
            case when v_reporter = v_grid then '{grid_worker}' else '{micro_grid_worker}' end::text[], 1, 101, v_at);
    v_state := 'draft';
    for v_step in select * from jsonb_array_elements(v_spec.steps) loop
      v_at := now() - make_interval(days => (v_step->>3)::int) - interval '2 hours';
      update public.workflow_instances set state = v_step->>2, revision = revision + 1,
        done = (v_step->>2) in ('closed', 'discarded'), updated_at = v_at
      where id = v_instance;
      insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id, created_at)
      values (v_instance, 'grid_governance', 1, v_step->>0, v_step->>1, v_step->>2,
              case v_step->>0
                when 'resolve' then '{"comment":"已协调处理完毕，现场已恢复"}'::jsonb
                when 'visit_satisfied' then '{"satisfaction":"satisfied"}'
                when 'visit_unsatisfied' then '{"comment":"居民反映渗水未根治，仍有滴漏"}'
                when 'close_invalid' then '{"comment":"与前一事件重复，已合并办理"}'
                when 'consult' then '{"comment":"涉及城管执法与市场监管，请城发办共同研判"}'
                else '{}' end,
              case v_step->>0
                when 'resolve' then '已协调处理完毕，现场已恢复'
                when 'visit_unsatisfied' then '居民反映渗水未根治，仍有滴漏'
                when 'close_invalid' then '与前一事件重复，已合并办理'
                when 'consult' then '涉及城管执法与市场监管，请城发办共同研判' end,
              case v_step->>4 when 'grid_worker' then v_reporter when 'community_worker' then v_worker
                              when 'street_office' then v_office else v_handler end,
              array[case when v_step->>4 = 'grid_worker' and v_reporter <> v_grid then 'micro_grid_worker' else v_step->>4 end], 1, 101, v_at)
      returning id into v_event;
      if v_step->>0 = 'report' then
        insert into public.workflow_snapshots (instance_id, event_id, form, street_id, community_id, created_at)
        select v_instance, v_event, i.form, 1, 101, v_at from public.workflow_instances i where i.id = v_instance;
      end if;
      -- The handlers named on the way: 社管中心's for 部门处置, both departments for 会商研判.
      if v_step->>2 = 'office_handling' then
        insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id, created_at)
        values (v_instance, 'office_handling', v_handler, 'owner', v_event, v_at);
      elsif v_step->>2 = 'consulting' then
        insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id, created_at)
        values (v_instance, 'consulting', v_handler, 'owner', v_event, v_at), (v_instance, 'consulting', v_handler2, 'owner', v_event, v_at);
      end if;
      v_state := v_step->>2;
    end loop;
  end loop;
end
$$;
