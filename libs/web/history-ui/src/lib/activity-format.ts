import { ChangeAction } from '@model-inventory/contracts';
import { ChangeRow, HistoryVocabulary, LinkedNames } from './history-vocabulary';

export interface ActivityValue {
  text: string;
  /** Set for values the vocabulary shows as a chip (e.g. a status), drawn by the `miActivityChip` template. */
  chip: string | null;
  empty: boolean;
  /** The full text when `text` was shortened. */
  full: string | null;
}

export interface ActivityChange {
  field: string;
  label: string;
  from: ActivityValue;
  to: ActivityValue;
}

/** Field changes written together by one person in one save. */
export interface ActivityEvent {
  key: string;
  action: ChangeAction;
  who: string;
  email: string | null;
  at: string;
  changes: ActivityChange[];
  /** The vocabulary's line under a creation, deletion or restore, if any. */
  note: string | null;
}

const LONG_TEXT = 140;

/** Groups history rows (newest first) into one event per save, keeping their order. */
export function toActivityEvents(
  entries: readonly ChangeRow[],
  vocabulary: HistoryVocabulary,
  links: LinkedNames,
): ActivityEvent[] {
  const events: ActivityEvent[] = [];
  const rowsOf = new Map<ActivityEvent, ChangeRow[]>();
  for (const entry of entries) {
    const key = `${entry.changed_at}|${entry.action}|${entry.changed_by_user_id ?? entry.changed_by_email ?? ''}`;
    let event = events.at(-1);
    if (!event || event.key !== key) {
      event = {
        action: entry.action,
        at: entry.changed_at,
        changes: [],
        email: entry.changed_by_email,
        key,
        note: null,
        who: entry.changed_by_name ?? entry.changed_by_email ?? 'System',
      };
      events.push(event);
      rowsOf.set(event, []);
    }
    rowsOf.get(event)?.push(entry);
    event.changes.push({
      field: entry.field_name,
      from: formatValue(entry.field_name, entry.old_value, vocabulary, links),
      label: fieldLabel(entry.field_name, vocabulary),
      to: formatValue(entry.field_name, entry.new_value, vocabulary, links),
    });
  }
  for (const event of events) {
    if (event.action !== 'updated') {
      event.note = vocabulary.note?.(event.action, rowsOf.get(event) ?? []) ?? null;
    }
  }
  return events;
}

/** The vocabulary's label for a field, or the field's name in sentence case. */
export function fieldLabel(field: string, vocabulary: HistoryVocabulary): string {
  return vocabulary.labels[field] ?? field.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());
}

/**
 * A stored value as a reader expects it: the vocabulary's own formatting first (booleans, dates, chips), else ids
 * (alone or in lists) named through `links`, lists joined; long text shortened.
 */
export function formatValue(field: string, raw: string | null, vocabulary: HistoryVocabulary, links: LinkedNames): ActivityValue {
  if (raw === null || raw === '' || raw === '[]') {
    return { chip: null, empty: true, full: null, text: 'empty' };
  }
  let text = raw;
  const own = vocabulary.formatValue?.(field, raw);
  if (typeof own === 'object') {
    return { chip: own.chip, empty: false, full: null, text: own.chip };
  }
  if (typeof own === 'string') {
    text = own;
  } else if (/^\d+$/.test(raw) && links[field]) {
    text = links[field].get(Number(raw)) ?? `#${raw}`;
  } else if (raw.startsWith('[')) {
    const list = parseList(raw);
    if (list) {
      const lookup = links[field] ?? null;
      text = list.map((item) => (lookup && typeof item === 'number' ? (lookup.get(item) ?? `#${item}`) : String(item))).join(', ');
    }
  }
  if (text.length > LONG_TEXT) {
    return { chip: null, empty: false, full: text, text: `${text.slice(0, LONG_TEXT - 1).trimEnd()}…` };
  }
  return { chip: null, empty: false, full: null, text };
}

/** "3 hours ago", "yesterday", … for a timestamp. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

function parseList(raw: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
