// The 申报表 through the API with a filer's own token, as a hand-made request would come: each
// bad input refused with a clear error, and nothing changed. Also the filing window's gate and
// a second tab saving an older draft.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, superuser } from '../support/clients.ts';

let db: pg.Client;
let filer: SupabaseClient;
let reviewer: SupabaseClient;
let instance: number;
let closesOn: string;

const row = async () =>
  (await db.query<{ state: string; revision: number; form_revision: number; form: Record<string, unknown> }>(
    'select state, revision, form_revision, form from public.workflow_instances where id = $1', [instance],
  )).rows[0]!;
/** A draft of 枫林社区's (102) application, by its filer, as start_workflow writes one (on the last version, as the demo's are). */
async function draftOf102(): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `with filer as (select id from auth.users where email = 'filer.c2@demo.local'),
     started as (
       insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, form_saved_at, done, created_by)
       select 'application', 3, 'draft', 102, 1, 102, '{}', now(), false, filer.id from filer returning *)
     insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id)
     select s.id, s.workflow, s.version, 'start', null, s.state, s.created_by, '{community_filer}', s.street_id, s.community_id from started s
     returning instance_id::int as id`,
  );
  return rows[0]!.id;
}
const logCount = async () => (await db.query<{ n: number }>('select count(*)::int as n from public.workflow_events where instance_id = $1', [instance])).rows[0]!.n;

const complete = {
  registered_households: 900, registered_people: 2600, resident_households: 1000, resident_people: 3000,
  compound_ids: [1005, 1006, 1007], creation_type: 'demonstration', demo_compound_ids: [1005], social_org_count: 4,
  measures: '网格化管理', brand_name: '枫林同心圆', brand_goal: '建成示范型社区', milestones: [{ content: '启动', due_on: '2027-01-31' }],
};

beforeAll(async () => {
  db = await superuser();
  filer = await signedIn('filer.c2@demo.local'); // 枫林社区 (102), compounds 1005–1008
  reviewer = await signedIn('reviewer.s1@demo.local');
  // A fresh draft of 102's application. The seed's, submitted, is 102's one for this campaign, so
  // start_workflow refuses another (below): this file's drafts are written as it writes them.
  instance = await draftOf102();
  closesOn = (await db.query<{ d: string }>("select to_char(filing_closes_on, 'YYYY-MM-DD') as d from public.campaigns where street_id = 1")).rows[0]!.d;
});

afterAll(async () => {
  await db.query('update public.campaigns set filing_closes_on = $1 where street_id = 1', [closesOn]);
  await db.end();
});

describe('the application through the API, as a filer', () => {
  it.each([
    ['a negative count', { registered_households: -1 }, { path: 'registered_households', rule: 'minimum' }],
    ['a count that is not a whole number', { social_org_count: 2.5 }, { path: 'social_org_count', rule: 'type' }],
    ['a count as a string', { resident_people: '3000' }, { path: 'resident_people', rule: 'type' }],
    ['fewer people than households', { resident_households: 100, resident_people: 99 }, { path: 'resident_people', rule: 'peopleAtLeastHouseholds' }],
    ["another community's compound", { compound_ids: [1005, 1001] }, { path: 'compound_ids', rule: 'ownCompounds' }],
    ['a street id as a compound', { compound_ids: [1] }, { path: 'compound_ids', rule: 'ownCompounds' }],
    ['a demonstration compound not among its compounds', { compound_ids: [1005], demo_compound_ids: [1006] }, { path: 'demo_compound_ids', rule: 'demoAmongCompounds' }],
    ['an unknown field', { state: 'approved' }, { path: 'state', rule: 'unknown' }],
    ['a huge text', { measures: 'x'.repeat(5000) }, { path: 'measures', rule: 'maxLength' }],
    ['a malformed milestone date', { milestones: [{ content: '启动', due_on: '明年' }] }, { path: 'milestones[0].due_on', rule: 'pattern' }],
    ['SQL in a string where a number goes', { registered_people: "1; drop table public.units; --" }, { path: 'registered_people', rule: 'type' }],
  ])('save refuses %s, names the field, and changes nothing', async (_name, form, expected) => {
    const before = await row();
    const { error } = await filer.rpc('save_workflow_form', { p_instance_id: instance, p_form: form });
    expect(error?.code).toBe('WF006');
    expect(JSON.parse(error!.details)).toMatchObject({ what: 'form', ...expected });
    expect(await row()).toEqual(before);
  });

  it('a state, revision or form written by hand is refused', async () => {
    const before = await row();
    const upd = await filer.from('workflow_instances').update({ state: 'approved', revision: 9, form: complete }).eq('id', instance).select();
    expect(upd.error?.code).toBe('42501');
    const ins = await filer.from('workflow_instances').insert({ workflow: 'application', version: 1, state: 'approved', subject_unit_id: 102, street_id: 1, community_id: 102 });
    expect(ins.error?.code).toBe('42501');
    const log = await filer.from('workflow_events').insert({ instance_id: instance, workflow: 'application', version: 1, event: 'approve', to_state: 'approved', street_id: 1, community_id: 102 });
    expect(log.error?.code).toBe('42501');
    const approve = await filer.rpc('fire_event', { p_instance_id: instance, p_event: 'approve', p_expected_revision: 0, p_payload: { opinion: '自己批准' } });
    expect(approve.error?.code).toBe('WF002'); // not from a draft, whoever asks
    expect(await row()).toEqual(before);
  });

  it('submit outside the filing window is refused with the reason and the dates; inside it goes through', async () => {
    expect((await filer.rpc('save_workflow_form', { p_instance_id: instance, p_form: complete })).error).toBeNull();
    await db.query('update public.campaigns set filing_closes_on = current_date - 1 where street_id = 1');
    const before = await logCount();
    const { error } = await filer.rpc('fire_event', { p_instance_id: instance, p_event: 'submit', p_expected_revision: 0, p_payload: {} });
    expect(error?.code).toBe('WF004');
    const detail = JSON.parse(error!.details) as { guard: string; facts: { campaign: { phase: string; filing_closes_on: string } } };
    expect(detail.guard).toBe('filingOpen');
    expect(detail.facts.campaign.phase).toBe('plan');
    expect(detail.facts.campaign.filing_closes_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await logCount()).toBe(before);
    expect((await row()).state).toBe('draft');

    await db.query('update public.campaigns set filing_closes_on = $1 where street_id = 1', [closesOn]);
    expect((await filer.rpc('fire_event', { p_instance_id: instance, p_event: 'submit', p_expected_revision: 0, p_payload: {} })).error).toBeNull();
    expect(await row()).toMatchObject({ state: 'submitted', revision: 1 });
    // Submitted: the form is the snapshot's now, and no longer the filer's to change.
    const locked = await filer.rpc('save_workflow_form', { p_instance_id: instance, p_form: { ...complete, brand_name: '改名' } });
    expect(locked.error?.code).toBe('WF009');
    const { data: snapshots } = await filer.from('workflow_snapshots').select('form').eq('instance_id', instance);
    expect(snapshots).toEqual([{ form: complete }]);
  });

  it('a filer withdraws a submission no reviewer has opened, and cannot once one has', async () => {
    expect((await filer.rpc('fire_event', { p_instance_id: instance, p_event: 'withdraw', p_expected_revision: 1, p_payload: {} })).error).toBeNull();
    expect((await filer.rpc('fire_event', { p_instance_id: instance, p_event: 'submit', p_expected_revision: 2, p_payload: {} })).error).toBeNull();
    expect((await reviewer.rpc('fire_event', { p_instance_id: instance, p_event: 'open', p_expected_revision: 3, p_payload: {} })).error).toBeNull();
    const late = await filer.rpc('fire_event', { p_instance_id: instance, p_event: 'withdraw', p_expected_revision: 4, p_payload: {} });
    expect(late.error?.code).toBe('WF002');
    expect((await row()).state).toBe('in_review');
  });

  it('a community has one application per campaign: a second start is refused in Chinese, and the start dialog knows it', async () => {
    const count = async () => (await db.query<{ n: number }>("select count(*)::int as n from public.workflow_instances where workflow = 'application' and subject_unit_id = 102")).rows[0]!.n;
    const before = await count();
    for (const who of [filer, reviewer]) {
      const { error } = await who.rpc('start_workflow', { p_workflow: 'application', p_subject_unit_id: 102, p_form: {} });
      // The reviewer may not start one at all; the filer (and the office) is told why not.
      if (who === reviewer) expect(error?.code).toBe('WF003');
      else {
        expect(error?.code).toBe('WF012');
        expect(error?.message).toBe('枫林社区已发起本次行动的申报，不能重复发起');
      }
    }
    const office = await signedIn('office.s1@demo.local');
    const byOffice = await office.rpc('start_workflow', { p_workflow: 'application', p_subject_unit_id: 104, p_form: {} }); // 锦绣, approved
    expect(byOffice.error?.code).toBe('WF012');
    expect(byOffice.error?.message).toBe('锦绣社区已发起本次行动的申报，不能重复发起');
    expect(await count()).toBe(before);
    // What the start dialog offers: 102 for its filer, refused with the reason.
    const { data } = await filer.rpc('workflow_start_refusals', { p_workflow: 'application' });
    expect(data).toEqual([{ subject_unit_id: 102, refusal: '枫林社区已发起本次行动的申报，不能重复发起' }]);
    const streets = (await office.rpc('workflow_start_refusals', { p_workflow: 'application' })).data as { subject_unit_id: number; refusal: string | null }[];
    expect(streets.find((r) => r.subject_unit_id === 104)?.refusal).toBe('锦绣社区已发起本次行动的申报，不能重复发起');
    expect(streets.find((r) => r.subject_unit_id === 107)?.refusal).toBeNull(); // 新桥, none yet
  });

  it('a second tab saving an older draft is told so, and the newer draft stays', async () => {
    const id = await draftOf102();
    const first = await filer.rpc('save_workflow_form', { p_instance_id: id, p_form: { brand_name: '第一个窗口' }, p_expected_form_revision: 0 });
    expect(first.error).toBeNull();
    const second = await filer.rpc('save_workflow_form', { p_instance_id: id, p_form: { brand_name: '第二个窗口' }, p_expected_form_revision: 0 });
    expect(second.error?.code).toBe('WF011');
    const { rows } = await db.query('select form, form_revision from public.workflow_instances where id = $1', [id]);
    expect(rows[0]).toEqual({ form: { brand_name: '第一个窗口' }, form_revision: 1 });
  });
});
