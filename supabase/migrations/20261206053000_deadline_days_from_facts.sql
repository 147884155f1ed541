-- A deadline may count days from the facts: a whole number at the deadline's fact path is so many
-- days after the day the instance entered its state (China time), due at the end of that day
-- (0: the same day); a date there is the last day, as before. A grid event's step, say, has its
-- days by the case's urgency and the street's own rules, which the plugin's facts compute.
--
-- When it entered its state is read from the log (the row that moved it there), not from the
-- caller: the scheduler asks again with now() before acting, and the instance's entered_at is
-- set only after its timers are planned, in the same trigger.

create or replace function private.wf_deadline_at(p_instance public.workflow_instances, p_deadline public.workflow_deadlines, p_entered_at timestamptz)
returns timestamptz
language plpgsql stable
set search_path = ''
as $$
declare
  v_fact jsonb;
  v_day text;
  v_entered timestamptz;
begin
  if p_deadline.due_after is not null then
    return p_entered_at + p_deadline.due_after;
  end if;
  v_fact := private.wf_facts(p_instance) #> p_deadline.due_fact;
  if jsonb_typeof(v_fact) = 'number' then
    if (v_fact #>> '{}') !~ '^\d{1,4}$' then
      return null;
    end if;
    select max(e.created_at) into v_entered from public.workflow_events e
    where e.instance_id = p_instance.id and e.to_state = p_instance.state and e.from_state is distinct from e.to_state;
    v_entered := coalesce(v_entered, p_entered_at);
    return (((v_entered at time zone 'Asia/Shanghai')::date + (v_fact #>> '{}')::int + 1)::timestamp) at time zone 'Asia/Shanghai';
  end if;
  v_day := v_fact #>> '{}';
  if v_day is null or v_day !~ '^\d{4}-\d{2}-\d{2}$' then
    return null;
  end if;
  -- the end of that day in China
  return ((v_day::date + 1)::timestamp) at time zone 'Asia/Shanghai';
end;
$$;
