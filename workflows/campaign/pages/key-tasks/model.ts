// The key-task list's rules as the page applies them: when a task is overdue, what its deadline
// reads as, and a recurring task's reporting periods up to today. Dates are ISO strings
// (YYYY-MM-DD); "today" is the browser's local date. The database checks the same period rules
// when a report is written (supabase/migrations/20261121210100_key_tasks.sql).
import dayjs from 'dayjs';
import type { SelectRow, Tables } from '@/plugin-api';

export const ACTIONS = ['brand', 'two_new_orgs', 'red_property', 'red_magnet', 'social_orgs'] as const;
export const STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export const CADENCES = ['monthly', 'bimonthly', 'quarterly'] as const;
export type Action = (typeof ACTIONS)[number];
export type Status = (typeof STATUSES)[number];
export type Cadence = (typeof CADENCES)[number];

export const TASK_SELECT = `id, campaign_id, street_id, year_starts_on, action, number, content, deadline, all_year, cadence, status, updated_at,
  leads:key_task_leads(sort, office:campaign_member_offices(id, name)),
  reports:key_task_reports(id, period, note, created_at, reporter:profiles(full_name, email))`;

/** A task as the list reads it (TASK_SELECT): its lead offices and its reports embedded. */
export type KeyTask = SelectRow<'key_tasks', typeof TASK_SELECT>;
export type Report = KeyTask['reports'][number];
export type Office = Pick<Tables<'campaign_member_offices'>, 'id' | 'name'>;

export const today = (): string => dayjs().format('YYYY-MM-DD');

/** Days past the deadline of a task not done; 0 when it is not overdue. */
export function overdueDays(task: Pick<KeyTask, 'deadline' | 'status'>, on = today()): number {
  if (!task.deadline || task.status === 'done') return 0;
  return Math.max(0, dayjs(on).diff(dayjs(task.deadline), 'day'));
}

export const cadenceMonths = (cadence: Cadence): number => ({ monthly: 1, bimonthly: 2, quarterly: 3 })[cadence];

export interface Period {
  /** The period's first day, as reports carry it. */
  start: string;
  /** Its last day. */
  end: string;
  /** Its report, if any. */
  report: Report | null;
  /** reported; missing (over, not reported); due (the current period, not yet reported). */
  state: 'reported' | 'missing' | 'due';
}

/** A recurring task's periods from its year's start up to the one today falls in. */
export function periodsOf(task: Pick<KeyTask, 'year_starts_on' | 'cadence' | 'reports'>, on = today()): Period[] {
  if (!task.cadence) return [];
  const step = cadenceMonths(task.cadence);
  const first = dayjs(task.year_starts_on);
  const periods: Period[] = [];
  for (let months = 0; months < 12; months += step) {
    const start = first.add(months, 'month');
    if (start.format('YYYY-MM-DD') > on) break;
    const end = start.add(step, 'month').subtract(1, 'day');
    const startIso = start.format('YYYY-MM-DD');
    const report = task.reports.find((r) => r.period === startIso) ?? null;
    periods.push({
      start: startIso,
      end: end.format('YYYY-MM-DD'),
      report,
      state: report ? 'reported' : end.format('YYYY-MM-DD') < on ? 'missing' : 'due',
    });
  }
  return periods;
}

/** The newest report of a task (any period, or a one-off note). */
export function latestReport(task: Pick<KeyTask, 'reports'>): Report | null {
  return task.reports.reduce<Report | null>((a, r) => (!a || r.created_at > a.created_at ? r : a), null);
}

/** The lead offices' names in the order the list gives them. */
export function leadNames(task: Pick<KeyTask, 'leads'>): string[] {
  return [...task.leads].sort((a, b) => a.sort - b.sort).flatMap((l) => (l.office ? [l.office.name] : []));
}

/** Whether a list year starts on 1 January (a calendar year's list). */
export const isCalendarYear = (yearStartsOn: string): boolean => yearStartsOn.slice(5) === '01-01';
