import { ChangeAction, ChangeHistoryEntry, ChangeHistoryPage } from '@model-inventory/contracts';
import { Observable } from 'rxjs';

/** The columns of a change-history row the timeline reads; every entity's field-level history has them. */
export type ChangeRow = Pick<
  ChangeHistoryEntry,
  'action' | 'changed_at' | 'changed_by_email' | 'changed_by_name' | 'changed_by_user_id' | 'field_name' | 'new_value' | 'old_value'
>;

/** One page of an entity's change history, newest first. */
export interface ChangeRowPage extends Pick<ChangeHistoryPage, 'total'> {
  items: ChangeRow[];
}

/** Loads a page of the entity's history, e.g. `(page) => api.history(id, page)`. */
export type ChangeHistoryLoader = (page: { limit: number; offset: number }) => Observable<ChangeRowPage>;

/** How one kind of entity's history reads: the sentences about it, its field labels and its values. */
export interface HistoryVocabulary {
  /** The summary line of a creation, after the person's name: "registered this model". */
  created: string;
  /** The summary line of a deletion: "deleted this model". */
  deleted: string;
  /** The summary line of a restore (entities with soft delete): "restored this risk". */
  restored: string;
  /** Shown when nothing was recorded yet: "No changes recorded for this model yet." */
  empty: string;
  /** Field labels; a field not listed is shown as its name in sentence case. */
  labels: Readonly<Record<string, string>>;
  /**
   * The entity's own display of a stored, non-empty value: a text (a boolean or date spelled out), a chip (a
   * status, drawn by the `miActivityChip` template), or `undefined` for the default (lists joined, ids named).
   */
  formatValue?: (field: string, raw: string) => string | { chip: string } | undefined;
  /**
   * A line under a creation, deletion or restore, from the rows written with it (e.g. "Deleted together with its
   * model."); `null` or absent for none. Updates list their changed fields instead.
   */
  note?: (action: ChangeAction, rows: readonly ChangeRow[]) => string | null;
}

/** Names of linked records by field, e.g. `{ projects: Map { 11 => 'Support bot' } }`; ids not found show as `#11`. */
export type LinkedNames = Readonly<Record<string, ReadonlyMap<number, string>>>;
