import { ComposedStatement } from './composed-statement';

describe('ComposedStatement', () => {
  it('renumbers each part after the parameters of the parts before it', () => {
    const { text, values } = new ComposedStatement()
      .with('written', 'INSERT INTO a (x, y) VALUES ($1, $2) RETURNING id', ['x', 'y'])
      .with('audit', 'INSERT INTO b (a_id, note) SELECT id, $1 FROM written', ['note'])
      .build('SELECT id, $1::int AS extra FROM written', [7]);

    expect(text).toBe(
      'WITH written AS (INSERT INTO a (x, y) VALUES ($1, $2) RETURNING id),\n' + 'audit AS (INSERT INTO b (a_id, note) SELECT id, $3 FROM written)\n' + 'SELECT id, $4::int AS extra FROM written',
    );
    expect(values).toEqual(['x', 'y', 'note', 7]);
  });

  it('renumbers two-digit placeholders as a whole', () => {
    const params = Array.from({ length: 11 }, (_, i) => i);
    const { text } = new ComposedStatement().with('first', 'SELECT $1', [0]).with('second', 'SELECT $11, $1', params).build('SELECT 1');
    expect(text).toContain('second AS (SELECT $12, $2)');
  });

  it('refuses a placeholder that has no parameter', () => {
    expect(() => new ComposedStatement().with('bad', 'SELECT $2', ['only one'])).toThrow('placeholder $2 has no parameter (1 given)');
  });

  it('is a plain statement when no part was added', () => {
    expect(new ComposedStatement().build('SELECT $1', [1])).toEqual({ text: 'SELECT $1', values: [1] });
  });
});
