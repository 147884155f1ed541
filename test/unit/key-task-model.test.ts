// The key-task list's rules as the page applies them (workflows/campaign/pages/key-tasks/model.ts):
// when a task counts as overdue and by how many days, and a recurring task's reporting periods up
// to a day — which are reported, which were missed, which is due.
import { describe, expect, it } from 'vitest';
import { overdueDays, periodsOf, type Report } from '../../workflows/campaign/pages/key-tasks/model.ts';

const report = (period: string): Report => ({ id: 1, period, note: '已完成', created_at: `${period}T08:00:00+08:00`, reporter: null }) as unknown as Report;

describe('overdueDays', () => {
  it('counts the days after the deadline of a task not done, and nothing on the day itself', () => {
    expect(overdueDays({ deadline: '2026-06-30', status: 'in_progress' }, '2026-06-30')).toBe(0);
    expect(overdueDays({ deadline: '2026-06-30', status: 'in_progress' }, '2026-07-01')).toBe(1);
    expect(overdueDays({ deadline: '2026-06-30', status: 'blocked' }, '2026-12-31')).toBe(184);
    expect(overdueDays({ deadline: '2026-06-30', status: 'in_progress' }, '2026-06-01')).toBe(0);
  });
  it('never counts a task that is done or has no deadline', () => {
    expect(overdueDays({ deadline: '2026-06-30', status: 'done' }, '2026-12-31')).toBe(0);
    expect(overdueDays({ deadline: null, status: 'not_started' }, '2026-12-31')).toBe(0);
  });
});

describe('periodsOf', () => {
  it('lists a monthly task\'s months up to the one the day falls in: reported, missed, due', () => {
    const periods = periodsOf({ year_starts_on: '2026-01-01', cadence: 'monthly', reports: [report('2026-01-01')] }, '2026-03-15');
    expect(periods.map((p) => [p.start, p.end, p.state])).toEqual([
      ['2026-01-01', '2026-01-31', 'reported'],
      ['2026-02-01', '2026-02-28', 'missing'],
      ['2026-03-01', '2026-03-31', 'due'],
    ]);
    expect(periods[0]!.report?.period).toBe('2026-01-01');
  });
  it('counts a list year that starts mid-year in its own quarters; the last day of a period is still due', () => {
    const periods = periodsOf({ year_starts_on: '2025-07-01', cadence: 'quarterly', reports: [] }, '2026-06-30');
    expect(periods.map((p) => [p.start, p.end, p.state])).toEqual([
      ['2025-07-01', '2025-09-30', 'missing'],
      ['2025-10-01', '2025-12-31', 'missing'],
      ['2026-01-01', '2026-03-31', 'missing'],
      ['2026-04-01', '2026-06-30', 'due'],
    ]);
  });
  it('stops at the year\'s end and before a year that has not begun; a one-off task has no periods', () => {
    expect(periodsOf({ year_starts_on: '2026-01-01', cadence: 'bimonthly', reports: [] }, '2027-05-01')).toHaveLength(6);
    expect(periodsOf({ year_starts_on: '2027-01-01', cadence: 'monthly', reports: [] }, '2026-12-31')).toEqual([]);
    expect(periodsOf({ year_starts_on: '2026-01-01', cadence: null, reports: [] }, '2026-12-31')).toEqual([]);
  });
});
