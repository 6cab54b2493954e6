import { ChangeAction } from '@model-inventory/contracts';
import { CountedFields } from '../snapshot-counts';

/**
 * What the audited write needs to know of an entity type; each domain declares one (e.g. MODEL_ENTITY in
 * inventory) and passes it with every change.
 */
export interface AuditedEntity<F extends object = object> {
  /** `entity_type` of its change-history rows, e.g. `model`. */
  type: string;
  /** The key of the written row in event payloads, e.g. `model` → `{ model: {...} }`. */
  payloadKey: string;
  /** The fields the trail follows, in the order an Activity view lists them. */
  auditedFields: readonly (keyof F & string)[];
  /** The event each action emits, from the domain's event registry entries; an action without one emits none. */
  events: Partial<Record<ChangeAction, string>>;
  /** Models only: the fields the status snapshots count. */
  counted?: (fields: F) => CountedFields;
}

export interface FieldChange {
  field_name: string;
  old_value: string | null;
  new_value: string | null;
}

/** The text a history row shows for a value: arrays as JSON, null as null. */
export function auditText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value) || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One row per audited field whose text differs; `before` null for a creation, `after` null for a deletion. */
export function diffFields<F extends object>(fields: readonly (keyof F & string)[], before: F | null, after: F | null): FieldChange[] {
  return fields.flatMap((field) => {
    const oldValue = before ? auditText(before[field]) : null;
    const newValue = after ? auditText(after[field]) : null;
    return oldValue === newValue ? [] : [{ field_name: field, old_value: oldValue, new_value: newValue }];
  });
}
