import fc from 'fast-check';
import { api, fillPath, register, Session } from '../support/api';
import { createFixtures, idFor } from './fixtures';
import { deepJson } from './hostile-values';
import { documentedOperations, DocumentedOperation, readServedDocument, resolver } from './openapi-operations';
import { bodyFor, queryFor } from './schema-arbitraries';

/** Generated requests per operation; a different ROBUSTNESS_SEED explores other inputs, the same one replays them. */
const RUNS = Number(process.env['ROBUSTNESS_RUNS'] ?? 300);
const SEED = Number(process.env['ROBUSTNESS_SEED'] ?? 20261203);
/** Its own client address, so the sign-up and login throttles it trips do not throttle the other specs. */
const CLIENT_ADDRESS = '198.51.100.7';
const MALFORMED_IDS = ['abc', '-1', '0', '1.5', '99999999999999999999', "1'--", '%00'];

const document = readServedDocument();
// Deletes last, so the rows the other operations write to exist while they run; signing out (which ends the
// session every request here uses) last of all.
const lateness = (operation: DocumentedOperation) => (operation.path.endsWith('/logout') ? 2 : operation.method === 'delete' ? 1 : 0);
const operations = documentedOperations(document).sort((a, b) => lateness(a) - lateness(b));
const label = (operation: DocumentedOperation) => `${operation.method.toUpperCase()} ${operation.path}`;

interface Sent {
  method: DocumentedOperation['method'];
  url: string;
  body?: string;
}

async function send(request: Sent, admin: Session) {
  let call = api()[request.method](request.url).set(admin.auth).set('X-Forwarded-For', CLIENT_ADDRESS);
  if (request.body !== undefined) call = call.set('Content-Type', 'application/json').send(request.body);
  return call;
}

/**
 * The contract for bad input: a 4xx problem document, and a 400 names the fields. A 503 the operation documents
 * (no worker answered a worker check in time on a loaded machine) speaks of the system's state, not of the input.
 */
async function expectHandled(request: Sent, admin: Session, operation: DocumentedOperation): Promise<void> {
  const response = await send(request, admin);
  const problem = response.body as { title?: string; errors?: Array<{ field?: unknown }> };
  const documentedOutage = response.status === 503 && operation.documentedStatuses.includes(503);
  const failure =
    response.status >= 500 && !documentedOutage
      ? `answered ${response.status}`
      : response.status === 400 && !(problem.errors?.length && problem.errors.every((e) => typeof e.field === 'string'))
        ? 'answered 400 without naming the fields'
        : response.status >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')
          ? `answered ${response.status} without problem+json`
          : null;
  if (failure) {
    throw new Error(`${request.method.toUpperCase()} ${request.url} ${failure}\n  body sent: ${request.body?.slice(0, 600)}\n  response: ${response.text.slice(0, 600)}`);
  }
}

describe(`no route answers 5xx to bad input (${RUNS} generated requests per operation, seed ${SEED})`, () => {
  let admin: Session;
  const ids = new Map<DocumentedOperation, number>();

  beforeAll(async () => {
    admin = await register();
    await createFixtures(admin);
    for (const operation of operations) if (operation.path.includes('{')) ids.set(operation, await idFor(operation, admin));
  });

  it('finds the operations to try in the served OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.map(label)).toEqual(expect.arrayContaining(['POST /api/modelInventory', 'PATCH /api/projects/{id}', 'GET /api/modelInventory']));
  });

  describe.each(operations.map((operation) => [label(operation), operation] as const))('%s', (_, operation) => {
    const path = () => fillPath(operation.path, ids.get(operation) ?? 1);
    const sendsBody = operation.method !== 'get' && operation.method !== 'delete';

    it('survives generated bodies and query strings', async () => {
      const request = fc.tuple(sendsBody ? bodyFor(operation.body) : fc.constant(undefined), queryFor(operation.parameters)).map(([body, query]) => ({
        method: operation.method,
        url: query ? `${path()}?${query}` : path(),
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
      await fc.assert(
        fc.asyncProperty(request, (sent) => expectHandled(sent, admin, operation)),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });

    if (sendsBody) {
      it('survives structural bodies: deep nesting, every field null, NUL in every string, ids past 32 bits, non-objects', async () => {
        const properties = Object.entries(resolver(document)(operation.body).properties ?? {});
        const every = (value: unknown) => Object.fromEntries(properties.map(([name]) => [name, value]));
        const bodies: string[] = [
          deepJson(5_000),
          `{${JSON.stringify(properties[0]?.[0] ?? 'name')}:${deepJson(5_000)}}`,
          JSON.stringify(every(null)),
          JSON.stringify(every('abc\u0000def')),
          JSON.stringify(every([2_147_483_648])),
          JSON.stringify(every(2_147_483_648)),
          ...properties.map(([name]) => JSON.stringify({ [name]: null })),
          'null',
          '17',
          '"text"',
          '{"unterminated": ',
        ];
        for (const body of bodies) await expectHandled({ method: operation.method, url: path(), body }, admin, operation);
      });
    }

    // Numeric ids only: a share link's token is opaque, and any malformed one is the same 404 as an unknown one.
    const hasNumericId = operation.parameters.some((parameter) => parameter.in === 'path' && parameter.name === 'id' && ['integer', 'number'].includes(String(parameter.schema.type)));
    if (hasNumericId) {
      it('answers 400 naming the parameter to a malformed path id', async () => {
        for (const id of MALFORMED_IDS) {
          const response = await send({ method: operation.method, url: fillPath(operation.path, id), body: sendsBody ? '{}' : undefined }, admin);
          expect({ id, status: response.status, field: response.body.errors?.[0]?.field }).toEqual({ id, status: 400, field: 'id' });
        }
      });
    }
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await api().get('/api/no-such-thing').set(admin.auth).expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
