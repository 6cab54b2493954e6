import { Params } from '@angular/router';
import { AUDIT_ACTIONS, AuditAction, AuditEventListQuery } from '@model-inventory/contracts';
import { AuditEventFilterQuery } from './audit-events-api';

export const SECURITY_LOG_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_SECURITY_LOG_PAGE_SIZE = SECURITY_LOG_PAGE_SIZES[0];

/** What the security log is narrowed to. Empty text and lists mean "any"; days are `YYYY-MM-DD` in local time. */
export interface SecurityLogFilters {
  /** The e-mail the actor used (for a failed sign-in: the one tried). */
  actor: string;
  action: AuditAction[];
  /** From the start of this day. */
  from: string;
  /** Up to the end of this day. */
  to: string;
}

/** One view of the log; it lives in the URL (`?actor=…&action=auth.login_failed&from=2026-12-01`) so it can be shared. */
export interface SecurityLogView {
  filters: SecurityLogFilters;
  pageIndex: number;
  pageSize: number;
}

export const NO_SECURITY_LOG_FILTERS: Readonly<SecurityLogFilters> = { action: [], actor: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function viewFromQueryParams(params: Params): SecurityLogView {
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string).trim() : '');
  const day = (name: string) => (DAY.test(text(name)) && !Number.isNaN(localDay(text(name), 0).getTime()) ? text(name) : '');
  const actions = text('action')
    .split(',')
    .filter((action): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action));
  const size = Number(text('size'));
  const page = Number(text('page'));
  return {
    filters: { action: [...new Set(actions)], actor: text('actor'), from: day('from'), to: day('to') },
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: (SECURITY_LOG_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SECURITY_LOG_PAGE_SIZE,
  };
}

/** Only what differs from the default view, so a plain URL stays plain. Pages count from 1 in the URL. */
export function viewToQueryParams({ filters, pageIndex, pageSize }: SecurityLogView): Params {
  return {
    action: filters.action.length ? filters.action.join(',') : null,
    actor: filters.actor.trim() || null,
    from: filters.from || null,
    page: pageIndex > 0 ? pageIndex + 1 : null,
    size: pageSize !== DEFAULT_SECURITY_LOG_PAGE_SIZE ? pageSize : null,
    to: filters.to || null,
  };
}

export function hasActiveFilters(filters: SecurityLogFilters): boolean {
  return !!(filters.actor || filters.action.length || filters.from || filters.to);
}

/** The filters as the API takes them: the local days become instants (`to` is exclusive: the next midnight). */
export function toFilterQuery(filters: SecurityLogFilters): AuditEventFilterQuery {
  return {
    action: filters.action.length ? filters.action : undefined,
    actor_email: filters.actor || undefined,
    from: filters.from ? localDay(filters.from, 0).toISOString() : undefined,
    to: filters.to ? localDay(filters.to, 1).toISOString() : undefined,
  };
}

export function toListQuery(view: SecurityLogView): AuditEventListQuery {
  return { ...toFilterQuery(view.filters), limit: view.pageSize, offset: view.pageIndex * view.pageSize };
}

/** Midnight at the start of `day` (+ `plusDays`) in the browser's time zone. */
function localDay(day: string, plusDays: number): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + plusDays);
}

/** `YYYY-MM-DD` of a date in the browser's time zone. */
export function toDayString(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
