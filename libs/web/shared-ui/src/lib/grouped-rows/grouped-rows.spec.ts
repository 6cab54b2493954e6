import { byGroupLabel, gatherGroups, groupedTableRows, isGroupHeaderRow, trackRowByKey } from './grouped-rows';

interface Item {
  id: number;
  tags: string[];
}

const items: Item[] = [
  { id: 1, tags: ['b'] },
  { id: 2, tags: ['a', 'b'] },
  { id: 3, tags: [] },
  { id: 4, tags: ['a'] },
];
const byTag = (item: Item) => (item.tags.length ? item.tags.map((tag) => ({ key: tag, label: tag.toUpperCase() })) : { key: 'none', label: 'No tag' });
const itemRow = (item: Item) => ({ item, key: `i${item.id}`, kind: 'item' as const });
const shape = (rows: ReturnType<typeof groupedTableRows>) => rows.map((row) => ('count' in row ? `${row.label} (${row.count})` : row.key));

describe('grouped rows', () => {
  it('gathers items in order of first appearance, an item with several groups in each', () => {
    const groups = gatherGroups(items, byTag);

    expect(groups.map((group) => [group.key, group.items.map((item) => item.id)])).toEqual([
      ['b', [1, 2]],
      ['a', [2, 4]],
      ['none', [3]],
    ]);
  });

  it('orders groups by label with the chosen group last', () => {
    const groups = gatherGroups([items[2], ...items], byTag).sort(byGroupLabel('none'));

    expect(groups.map((group) => group.label)).toEqual(['A', 'B', 'No tag']);
  });

  it('puts a header row with the count above each group, and keys an item row by its group', () => {
    const rows = groupedTableRows(gatherGroups(items, byTag), itemRow);

    expect(shape(rows)).toEqual(['B (2)', 'gb-i1', 'gb-i2', 'A (2)', 'ga-i2', 'ga-i4', 'No tag (1)', 'gnone-i3']);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('carries what a header shows besides its label onto the header row', () => {
    const rows = groupedTableRows(
      gatherGroups(items.slice(0, 1), () => ({ header: { chip: 'High' }, key: 'high', label: 'High' })),
      itemRow,
    );

    expect(rows[0]).toEqual({ chip: 'High', count: 1, key: 'ghigh', kind: 'group', label: 'High' });
  });

  it('tells a table which rows are headers and how to track rows', () => {
    const [header, row] = groupedTableRows(gatherGroups(items.slice(0, 1), byTag), itemRow);

    expect([isGroupHeaderRow(0, header), isGroupHeaderRow(1, row)]).toEqual([true, false]);
    expect(trackRowByKey(1, row)).toBe('gb-i1');
  });
});
