declare
  v_campaign jsonb;
  v_campaign_id bigint;
  v_unit bigint;
  v_rounds jsonb;
begin
  select jsonb_build_object(
           'id', c.id, 'name', c.name, 'phase', ci.state,
           'filing_opens_on', c.filing_opens_on, 'filing_closes_on', c.filing_closes_on),
         c.id, a.subject_unit_id
    into v_campaign, v_campaign_id, v_unit
  from public.workflow_instances a
  join public.campaigns c on c.street_id = a.street_id
  join public.workflow_instances ci on ci.id = c.instance_id
  where a.id = $1 -- the instance (campaigns has an instance_id column of its own)
  order by c.start_year desc, c.id desc
  limit 1;
  select coalesce(jsonb_object_agg(r.kind, jsonb_build_object(
           'id', r.id, 'year', r.year,
           'self_scored', n.items > 0 and n.self_scored = n.items,
           'reviewed', n.items > 0 and n.reviewed = n.items,
           'recorded', exists (select 1 from public.application_rounds ar where ar.instance_id = $1 and ar.round_id = r.id))), '{}')
    into v_rounds
  from (
    select distinct on (sr.kind) sr.* from public.score_rounds sr
    where sr.campaign_id = v_campaign_id and sr.published_at is null
    order by sr.kind, sr.year desc, sr.id desc
  ) r
  -- the round's community-level sub-items, and how many the unit has a self score and a reviewers' mean for
  cross join lateral (
    select count(*) as items,
           count(*) filter (where exists (select 1 from public.score_entries e
                                          where e.round_id = r.id and e.unit_id = v_unit and e.subitem_id = s.id and e.scorer_role = 'self')) as self_scored,
           count(*) filter (where exists (select 1 from public.score_means m
                                          where m.round_id = r.id and m.unit_id = v_unit and m.subitem_id = s.id)) as reviewed
    from public.standard_subitems s join public.standard_items i on i.id = s.item_id
    where s.version_id = r.version_id and i.level = 'community'
  ) n;
  return jsonb_build_object('campaign', v_campaign, 'today', to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), 'rounds', v_rounds);
end;
