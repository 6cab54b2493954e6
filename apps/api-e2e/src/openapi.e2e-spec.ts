import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, baseUrl, PASSWORD, unique } from './support/api';

const workspaceRoot = join(__dirname, '../../..');
const generated = join(__dirname, 'generated');

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3 with a third-party validator', () => {
    const output = execFileSync(process.execPath, [join(workspaceRoot, 'node_modules/@seriousme/openapi-schema-validator/bin/validate-api-cli.js'), join(generated, 'openapi.json')], {
      encoding: 'utf8',
    });
    expect(output).toMatch(/"valid":\s*true/);
  });

  it('documents API tokens as a security scheme accepted wherever an access token is', async () => {
    const document = JSON.parse(readFileSync(join(generated, 'openapi.json'), 'utf8'));
    expect(document.components.securitySchemes['api-token']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/api/modelInventory'].get.security).toEqual([{ bearer: [] }, { 'api-token': [] }]);
    expect(document.paths['/api/auth/login'].post.security).toBeUndefined();
  });

  it('is served with Swagger UI', async () => {
    const ui = await api().get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('gives a generated client (no hand edits) everything to register, sign in, create a project and use an API token', async () => {
    // Generated in globalSetup by @hey-api/openapi-ts from the document the API serves.
    const sdk = await import('./generated/client');
    const { client } = await import('./generated/client/client.gen');
    client.setConfig({ baseUrl: baseUrl() });
    const email = `client-${unique()}@example.com`;

    const registered = await sdk.authRegister({ body: { organization_name: 'Generated Co', name: 'Gen', email, password: PASSWORD } });
    expect(registered.response.status).toBe(201);

    const login = await sdk.authLogin({ body: { email, password: PASSWORD } });
    expect(login.data?.user.role).toBe('Admin');
    const headers = { Authorization: `Bearer ${login.data?.access_token}` };

    const created = await sdk.projectsCreate({ body: { name: 'Client-made project', frameworks: [1] }, headers });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'Client-made project', frameworks: [1] });

    const listed = await sdk.projectsList({ query: { limit: 10 }, headers });
    expect(listed.data?.items.map((p) => p.name)).toEqual(['Client-made project']);

    const model = await sdk.modelInventoryCreate({
      body: {
        provider: 'Anthropic',
        model: 'Claude',
        version: '3.5',
        approver: email,
        capabilities: ['text-generation'],
        status_date: '2025-01-17',
        reference_link: 'https://docs.anthropic.com',
        biases: 'Unknown',
        limitations: 'Context window',
        hosting_provider: 'Cloud',
        projects: [created.data!.id],
      },
      headers,
    });
    expect(model.response.status).toBe(201);
    expect(model.data).toMatchObject({ status: 'Pending', projects: [created.data!.id] });

    const key = await sdk.apiTokensCreate({ body: { name: 'Generated client key', role: 'Editor' }, headers });
    expect(key.response.status).toBe(201);
    const withKey = await sdk.modelInventoryList({ query: { limit: 5 }, headers: { Authorization: `Bearer ${key.data?.token}` } });
    expect(withKey.data?.items.map((m) => m.id)).toEqual([model.data?.id]);

    const invalid = await sdk.projectsCreate({ body: { name: '' }, headers });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error).toMatchObject({ errors: [expect.objectContaining({ field: 'name' })] });
  });
});
