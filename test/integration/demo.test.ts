// The demo tells its story truly: what a screen says happened has the rows that make it so. A
// street 2 application that stands 已自查 (or later) recorded its self-check in a self-check round
// of its street, and that round was published before the campaign left the plan phase.
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, superuser } from '../support/clients.ts';

let db: pg.Client;
beforeAll(async () => {
  db = await superuser();
});
afterAll(async () => {
  await db.end();
});

it("street 2's applications past the self-check each name their street's published self-check round", async () => {
  const { rows } = await db.query<{ id: number; round_kind: string | null; round_street: number | null; published: boolean | null; before_advance: boolean | null; self_total: string | null }>(`
    select i.id::int, r.kind::text as round_kind, r.street_id::int as round_street, r.published_at is not null as published,
           r.published_at < (select e.created_at from public.workflow_events e
                              join public.campaigns c on c.instance_id = e.instance_id
                              where c.street_id = 2 and e.event = 'advance') as before_advance,
           ar.self_total::text
      from public.workflow_instances i
      left join public.application_rounds ar on ar.instance_id = i.id
      left join public.score_rounds r on r.id = ar.round_id
     where i.workflow = 'application' and i.street_id = 2
     order by i.id`);
  expect(rows.length).toBe(3);
  for (const row of rows) {
    expect(row).toMatchObject({ round_kind: 'self_check', round_street: 2, published: true, before_advance: true });
    expect(Number(row.self_total)).toBeGreaterThan(0);
  }
});

it("street 2's office reads its published self-check round, its communities graded by their scores", async () => {
  const office = await signedIn('office.s2@demo.local');
  const { data: rounds, error } = await office.from('score_rounds').select('id, kind, published_at').eq('kind', 'self_check');
  expect(error).toBeNull();
  expect(rounds?.length).toBe(1);
  expect(rounds?.[0]?.published_at).not.toBeNull();
  const { data: grades } = await office.from('unit_grades').select('unit_id, total').eq('round_id', rounds![0]!.id).in('unit_id', [201, 202, 203]).order('unit_id');
  expect(grades?.map((g) => [g.unit_id, Number(g.total) > 0])).toEqual([[201, true], [202, true], [203, true]]);
});
