/** The header row above a group's rows in a grouped mat-table. */
export interface GroupHeaderRow {
  kind: 'group';
  key: string;
  label: string;
  count: number;
}

/**
 * Where an item belongs: a key unique among the groups, the header's label and, in `header`, anything else the header
 * row shows (a chip, a status).
 */
export interface GroupOf<H extends object = object> {
  key: string;
  label: string;
  header?: H;
}

export interface RowGroup<T, H extends object = object> extends GroupOf<H> {
  items: T[];
}

/**
 * Gathers items into groups in order of first appearance; items keep their order within a group. An item with several
 * groups (a model in two projects) joins each of them.
 */
export function gatherGroups<T, H extends object = object>(
  items: readonly T[],
  groupsOf: (item: T) => GroupOf<H> | readonly GroupOf<H>[],
): RowGroup<T, H>[] {
  const groups = new Map<string, RowGroup<T, H>>();
  for (const item of items) {
    const memberships = groupsOf(item);
    for (const { header, key, label } of Array.isArray(memberships) ? memberships : [memberships as GroupOf<H>]) {
      const group: RowGroup<T, H> = groups.get(key) ?? { header, items: [], key, label };
      group.items.push(item);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** Orders groups by label, the group keyed `lastKey` (e.g. "No project") last. */
export function byGroupLabel(lastKey?: string): (a: GroupOf, b: GroupOf) => number {
  return (a, b) =>
    a.key === lastKey || b.key === lastKey ? Number(a.key === lastKey) - Number(b.key === lastKey) : a.label.localeCompare(b.label);
}

/**
 * The table rows of groups: each group's header row (with its item count), then its items' rows. An item row's key is
 * prefixed with its group's, so an item shown in two groups still has a key unique on the page.
 */
export function groupedTableRows<T, H extends object, R extends { key: string }>(
  groups: readonly RowGroup<T, H>[],
  itemRow: (item: T) => R,
): ((GroupHeaderRow & H) | R)[] {
  return groups.flatMap((group) => [
    { ...(group.header as H), count: group.items.length, key: `g${group.key}`, kind: 'group' as const, label: group.label },
    ...group.items.map((item) => {
      const row = itemRow(item);
      return { ...row, key: `g${group.key}-${row.key}` };
    }),
  ]);
}

/** For a mat-table's `when` of the header row definition. */
export function isGroupHeaderRow(_index: number, row: { kind: string }): boolean {
  return row.kind === 'group';
}

/** For a mat-table's `trackBy`. */
export function trackRowByKey(_index: number, row: { key: string }): string {
  return row.key;
}
