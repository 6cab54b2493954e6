import { JsonPage } from './json-page';

describe('JsonPage', () => {
  const items = [{ id: 1, name: 'Quote "q" \\ Ünïcødé\n', tags: ['a', 'b'], approved_by: null }, { id: 2, name: '', tags: [], approved_by: { id: 3, name: 'x' } }];
  const page = new JsonPage<(typeof items)[number]>(
    items.map((item) => JSON.stringify(item)),
    120,
    2,
    40,
  );

  it('writes the page as JSON.stringify would write it as objects', () => {
    expect(page.toJson()).toBe(JSON.stringify({ items, total: 120, limit: 2, offset: 40 }));
  });

  it('gives the page back as objects for callers that reshape the items', () => {
    expect(page.toPage()).toEqual({ items, total: 120, limit: 2, offset: 40 });
  });

  it('writes an empty page with an empty items array', () => {
    expect(JSON.parse(new JsonPage([], 0, 50, 0).toJson())).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('takes the total from the rows, and counts only past the last page', async () => {
    const countPastEnd = jest.fn(async () => 7);
    const rows = [{ json: '{"id":1}', total_count: '7' }];
    expect((await JsonPage.fromRows(rows, 50, 0, countPastEnd)).toJson()).toBe('{"items":[{"id":1}],"total":7,"limit":50,"offset":0}');
    expect((await JsonPage.fromRows([], 50, 0, countPastEnd)).total).toBe(0);
    expect(countPastEnd).not.toHaveBeenCalled();
    expect((await JsonPage.fromRows([], 50, 100, countPastEnd)).toPage()).toEqual({ items: [], total: 7, limit: 50, offset: 100 });
  });
});
