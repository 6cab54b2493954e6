import { randomBytes } from 'node:crypto';
import request from 'supertest';

export const PASSWORD = 'correct horse battery staple';

export const baseUrl = (): string => {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set; run through apps/api-e2e/jest.config.cts');
  return url;
};

export const api = () => request(baseUrl());

export interface Session {
  token: string;
  userId: number;
  organizationId: number;
  email: string;
  auth: { Authorization: string };
}

export const unique = () => randomBytes(5).toString('hex');

function session(body: { access_token: string; user: { id: number; organization_id: number; email: string } }): Session {
  return {
    token: body.access_token,
    userId: body.user.id,
    organizationId: body.user.organization_id,
    email: body.user.email,
    auth: { Authorization: `Bearer ${body.access_token}` },
  };
}

export async function register(organizationName = `Org ${unique()}`): Promise<Session> {
  const response = await api()
    .post('/api/auth/register')
    .send({ organization_name: organizationName, name: 'Owner', email: `owner-${unique()}@example.com`, password: PASSWORD })
    .expect(201);
  return session(response.body);
}

export async function addUser(admin: Session, role: string): Promise<Session> {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  await api().post('/api/users').set(admin.auth).send({ name: `${role} user`, email, password: PASSWORD, role }).expect(201);
  const login = await api().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  return session(login.body);
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  isPublic: boolean;
  /** The roles a route declares with @Roles (its 403's "Allowed roles: …"); undefined for the default rule. */
  allowedRoles?: string[];
}

/** Every operation the running API documents, read from its own OpenAPI document. */
export async function documentedOperations(): Promise<Operation[]> {
  const { body } = await api().get('/api/docs-json').expect(200);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(body.paths as Record<string, Record<string, { security?: unknown[]; responses?: Record<string, { description?: string }> }>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const isPublic = Array.isArray(operation.security) ? operation.security.length === 0 : !JSON.stringify(operation).includes('bearer');
      const declared = /Allowed roles: ([^\n]+)/.exec(operation.responses?.['403']?.description ?? '')?.[1];
      operations.push({ method: method as Operation['method'], path, isPublic, allowedRoles: declared?.split(', ') });
    }
  }
  return operations;
}

/** Fills path parameters (`{id}`) with the given value. */
export const fillPath = (path: string, value: string | number) => path.replace(/\{[^}]+\}/g, String(value));
