import { api, documentedOperations, fillPath, Operation, register, Session } from './support/api';

const MALFORMED_IDS = ['abc', '-1', '0', '1.5', '99999999999999999999', "1'--"];
const GARBAGE_BODIES: unknown[] = [{ name: 12 }, { frameworks: 'all' }, { frameworks: [-1, 'x'] }, { email: ['x'] }, [], { limit: 'abc' }];

describe('no route answers 500 to bad input', () => {
  let admin: Session;
  let operations: Operation[];

  beforeAll(async () => {
    admin = await register();
    operations = await documentedOperations();
  });

  it('answers 400 naming the parameter to a malformed id on every route that takes one', async () => {
    const withId = operations.filter((op) => op.path.includes('{id}'));
    expect(withId.length).toBeGreaterThan(3);
    for (const op of withId) {
      for (const id of MALFORMED_IDS) {
        const response = await api()[op.method](fillPath(op.path, encodeURIComponent(id))).set(admin.auth).send({});
        expect({ route: `${op.method} ${op.path}`, id, status: response.status }).toEqual({ route: `${op.method} ${op.path}`, id, status: 400 });
        expect(response.body.errors?.[0]?.field).toBe('id');
      }
    }
  });

  it('answers 4xx, never 500, to garbage bodies and queries on every route', async () => {
    for (const op of operations.filter((o) => o.method !== 'get')) {
      for (const body of GARBAGE_BODIES) {
        const response = await api()[op.method](fillPath(op.path, 999999)).set(admin.auth).send(body as object);
        expect({ route: `${op.method} ${op.path}`, body, status: response.status < 500 }).toEqual({ route: `${op.method} ${op.path}`, body, status: true });
      }
    }
    for (const op of operations.filter((o) => o.method === 'get')) {
      const response = await api().get(`${fillPath(op.path, 1)}?limit=-5&offset=abc&search[$ne]=1`).set(admin.auth);
      expect({ route: op.path, status: response.status < 500 }).toEqual({ route: op.path, status: true });
    }
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await api().get('/api/no-such-thing').set(admin.auth).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
