import { SnapshotCounts, SnapshotParameter, Timeframe, TimeseriesPoint } from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';
import { emptyCounts, normalizeCounts } from './snapshot-counts';

export const DEFAULT_TIMEFRAME: Timeframe = '30days';
export const MAX_RANGE_YEARS = 2;

/** Points per timeframe, today included: `7days` is today and the six days before it. */
export const TIMEFRAME_DAYS: Record<Timeframe, number> = { '7days': 7, '30days': 30, '90days': 90, '1year': 365 };

/** Inclusive range of UTC days, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
  /** The last day is today, so its point shows the live counts. */
  endsToday: boolean;
}

export interface RangeQuery {
  timeframe?: Timeframe;
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;

export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

function addYears(day: string, years: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return utcDay(date);
}

function parseDay(field: string, value: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw ValidationFailedError.forField(field, `${field} must be an ISO 8601 date`);
  return utcDay(instant);
}

/**
 * The days a timeseries covers: a timeframe ending today, or `from`..`to` (default today).
 * Days after today have no data yet, so the range stops at today.
 */
export function resolveRange(query: RangeQuery, now: Date): DayRange {
  const today = utcDay(now);
  if (query.from === undefined && query.to === undefined) {
    const days = TIMEFRAME_DAYS[query.timeframe ?? DEFAULT_TIMEFRAME];
    return { from: addDays(today, -(days - 1)), to: today, endsToday: true };
  }
  if (query.timeframe !== undefined) throw ValidationFailedError.forField('timeframe', 'give either timeframe or from/to, not both');
  if (query.from === undefined) throw ValidationFailedError.forField('from', 'from is required when to is given');
  const from = parseDay('from', query.from);
  const to = query.to === undefined ? today : parseDay('to', query.to);
  if (from > to) throw ValidationFailedError.forField('from', 'from must not be after to');
  if (from < addYears(to, -MAX_RANGE_YEARS)) throw ValidationFailedError.forField('from', `the range must not exceed ${MAX_RANGE_YEARS} years`);
  if (from > today) throw ValidationFailedError.forField('from', 'from must not be in the future');
  const end = to < today ? to : today;
  return { from, to: end, endsToday: end === today };
}

export function daysOf(range: DayRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface TimeseriesInput {
  days: string[];
  /** The last snapshot before the first day, if any. */
  before: SnapshotCounts | null;
  /** Day → the last snapshot recorded that day; days without one are absent. */
  lastOfDay: Map<string, SnapshotCounts>;
  /** Live counts, replacing the last point's when the range ends today. */
  live: SnapshotCounts | null;
}

/** One point per day: the day's last snapshot, else the one before it carried forward, else zeros. */
export function buildPoints(parameter: SnapshotParameter, input: TimeseriesInput): TimeseriesPoint[] {
  let current = input.before;
  const points = input.days.map((day) => {
    current = input.lastOfDay.get(day) ?? current;
    return { timestamp: `${day}T00:00:00.000Z`, counts: current ? normalizeCounts(parameter, current) : emptyCounts(parameter) };
  });
  const last = points[points.length - 1];
  if (last && input.live) last.counts = normalizeCounts(parameter, input.live);
  return points;
}
