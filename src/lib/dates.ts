// Moments as every screen shows them: one pattern for a day, one for a day and time, one for a
// month, from the language's `format.*` keys (zh-CN: 2026年12月2日 16:16, 2027年2月). What is
// stored or sent (ISO days, file names) keeps its own fixed pattern and does not come here.
import dayjs, { type ConfigType } from 'dayjs';
import { i18n } from '@/i18n';

type Kind = 'date' | 'dateTime' | 'month' | 'monthDay' | 'time';

function format(kind: Kind, value: ConfigType, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const day = dayjs(value);
  return day.isValid() ? day.format(i18n.t(`format.${kind}`)) : empty;
}

/** 2026年12月2日 */
export const formatDate = (value: ConfigType, empty = '—') => format('date', value, empty);
/** 2026年12月2日 16:16 */
export const formatDateTime = (value: ConfigType, empty = '—') => format('dateTime', value, empty);
/** 2027年2月 */
export const formatMonth = (value: ConfigType, empty = '—') => format('month', value, empty);
/** 12月2日, where the year goes without saying (a list of this year's reports). */
export const formatMonthDay = (value: ConfigType, empty = '—') => format('monthDay', value, empty);
/** 16:16:05, where the day goes without saying (saved a moment ago). */
export const formatTime = (value: ConfigType, empty = '—') => format('time', value, empty);

/**
 * A deadline the database keeps as a moment: one at the end of a day in China (a last day, as
 * the filing window's) reads as that day, 2026年12月31日; any other as its day and time.
 */
export function formatDeadline(value: string | null | undefined, empty = '—'): string {
  if (!value) return empty;
  return endsADay(value) ? formatDate(deadlineDay(value), empty) : formatDateTime(value, empty);
}

const chinaWallClock = (value: string) => new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString();
const endsADay = (value: string) => chinaWallClock(value).slice(11, 19) === '00:00:00';

/** The day (YYYY-MM-DD, in China) by which a deadline moment must be met. */
export function deadlineDay(value: string): string {
  const day = chinaWallClock(value).slice(0, 10);
  return endsADay(value) ? dayjs(day).subtract(1, 'day').format('YYYY-MM-DD') : day;
}
