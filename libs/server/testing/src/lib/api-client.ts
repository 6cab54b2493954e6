import { INestApplication } from '@nestjs/common';
import { RegisterResponse, Role, UserResponse } from '@model-inventory/contracts';
import { randomBytes } from 'node:crypto';
import request from 'supertest';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestSession {
  token: string;
  user: UserResponse;
  organizationId: number;
  auth: { Authorization: string };
}

const unique = () => randomBytes(5).toString('hex');

/** Registers a fresh organisation through the API and returns its Admin's session. */
export async function registerOrganization(app: INestApplication, name = `Org ${unique()}`): Promise<TestSession> {
  const response = await request(app.getHttpServer())
    .post('/api/auth/register')
    .send({ organization_name: name, name: 'Admin', email: `admin-${unique()}@example.com`, password: TEST_PASSWORD })
    .expect(201);
  const body = response.body as RegisterResponse;
  return { token: body.access_token, user: body.user, organizationId: body.organization.id, auth: { Authorization: `Bearer ${body.access_token}` } };
}

/** Adds a user with the given role to the admin's organisation and signs them in. */
export async function addUser(app: INestApplication, admin: TestSession, role: Role): Promise<TestSession> {
  const email = `${role.toLowerCase()}-${unique()}@example.com`;
  const created = await request(app.getHttpServer())
    .post('/api/users')
    .set(admin.auth)
    .send({ name: `${role} user`, email, password: TEST_PASSWORD, role })
    .expect(201);
  const login = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
  return { token: login.body.access_token, user: created.body, organizationId: admin.organizationId, auth: { Authorization: `Bearer ${login.body.access_token}` } };
}
