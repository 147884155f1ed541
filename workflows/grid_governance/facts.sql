declare
  v_street bigint;
  v_urgency text;
  v_days jsonb;
begin
  select i.street_id, coalesce(i.form->>'urgency', 'normal') into v_street, v_urgency
  from public.workflow_instances i where i.id = $1;
  -- Each step's days for the case's urgency: the street's latest rule, else the default.
  select jsonb_object_agg(d.state, coalesce(
           (select r.days from public.grid_deadline_rules r
            where r.street_id = v_street and r.state = d.state and r.urgency = v_urgency
            order by r.id desc limit 1),
           case v_urgency when 'normal' then d.normal when 'urgent' then d.urgent else d.critical end))
    into v_days
  from (values
    ('triage', 1, 0, 0),
    ('grid_handling', 3, 1, 0),
    ('community_handling', 5, 2, 1),
    ('street_dispatch', 1, 0, 0),
    ('office_handling', 10, 5, 2),
    ('consulting', 3, 2, 1),
    ('visit', 3, 3, 2)
  ) d (state, normal, urgent, critical);
  return jsonb_build_object('urgency', v_urgency, 'days', v_days);
end;
