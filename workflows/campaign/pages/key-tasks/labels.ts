// How the key-task list's values read, in the user's language.
import dayjs from 'dayjs';
import { formatDate, i18n } from '@/plugin-api';
import { isCalendarYear, type KeyTask, type Period } from './model';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);

/** 完成时间: the date, or 贯穿全年 with its cadence. */
export function deadlineLabel(task: Pick<KeyTask, 'deadline' | 'cadence'>): string {
  if (task.deadline) return formatDate(task.deadline);
  return task.cadence ? t('keyTasks.allYearWith', { cadence: t(`keyTasks.cadences.${task.cadence}`) }) : t('keyTasks.allYear');
}

/** A period as months: 2026年8月, 2026年8–10月, 2026年11月–2027年1月. */
export function periodLabel(period: Pick<Period, 'start' | 'end'>): string {
  const start = dayjs(period.start);
  const end = dayjs(period.end);
  if (start.isSame(end, 'month')) return t('keyTasks.periods.month', { year: start.year(), month: start.month() + 1 });
  if (start.year() === end.year()) return t('keyTasks.periods.range', { year: start.year(), from: start.month() + 1, to: end.month() + 1 });
  return t('keyTasks.periods.crossYear', { year: start.year(), from: start.month() + 1, toYear: end.year(), to: end.month() + 1 });
}

/** A list's year: 2027年度, or the twelve months it spans when it does not start in January. */
export function yearLabel(yearStartsOn: string): string {
  const start = dayjs(yearStartsOn);
  if (isCalendarYear(yearStartsOn)) return t('keyTasks.yearOf', { year: start.year() });
  const end = start.add(11, 'month');
  return t('keyTasks.yearRange', {
    from: t('keyTasks.periods.month', { year: start.year(), month: start.month() + 1 }),
    to: t('keyTasks.periods.month', { year: end.year(), month: end.month() + 1 }),
  });
}

export const STATUS_COLORS: Record<KeyTask['status'], string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  blocked: 'warning',
};
