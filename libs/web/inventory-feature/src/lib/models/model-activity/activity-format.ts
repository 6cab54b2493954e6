import { ChangeAction, ChangeHistoryEntry, ModelStatus } from '@model-inventory/contracts';
import { fieldLabel } from '../model-fields';
import { fromIsoDate } from '../model-dialog/model-form';

export interface ActivityValue {
  text: string;
  /** Set for status values, shown as status chips. */
  status: ModelStatus | null;
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
}

export interface LinkLookup {
  projects: ReadonlyMap<number, string>;
  frameworks: ReadonlyMap<number, string>;
}

const LONG_TEXT = 140;
const STATUSES = new Set<string>(Object.values(ModelStatus));

/** Groups history rows (newest first) into one event per save, keeping their order. */
export function toActivityEvents(entries: readonly ChangeHistoryEntry[], links: LinkLookup): ActivityEvent[] {
  const events: ActivityEvent[] = [];
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
        who: entry.changed_by_name ?? entry.changed_by_email ?? 'System',
      };
      events.push(event);
    }
    event.changes.push({
      field: entry.field_name,
      from: formatValue(entry.field_name, entry.old_value, links),
      label: fieldLabel(entry.field_name),
      to: formatValue(entry.field_name, entry.new_value, links),
    });
  }
  return events;
}

/** A stored value as a reader expects it: lists joined, ids named, booleans and dates spelled out. */
export function formatValue(field: string, raw: string | null, links: LinkLookup): ActivityValue {
  if (raw === null || raw === '' || raw === '[]') {
    return { empty: true, full: null, status: null, text: 'empty' };
  }
  let text = raw;
  if (field === 'status' && STATUSES.has(raw)) {
    return { empty: false, full: null, status: raw as ModelStatus, text: raw };
  }
  if (field === 'security_assessment') {
    text = raw === 'true' ? 'Done' : raw === 'false' ? 'Not done' : raw;
  } else if (field === 'status_date') {
    const date = fromIsoDate(raw);
    text = date ? date.toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' }) : raw;
  } else if (raw.startsWith('[')) {
    const list = parseList(raw);
    if (list) {
      const lookup = field === 'projects' ? links.projects : field === 'frameworks' ? links.frameworks : null;
      text = list.map((item) => (lookup && typeof item === 'number' ? (lookup.get(item) ?? `#${item}`) : String(item))).join(', ');
    }
  }
  if (text.length > LONG_TEXT) {
    return { empty: false, full: text, status: null, text: `${text.slice(0, LONG_TEXT - 1).trimEnd()}…` };
  }
  return { empty: false, full: null, status: null, text };
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
