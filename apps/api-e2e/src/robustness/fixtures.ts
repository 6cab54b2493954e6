import { api, addUser, Session } from '../support/api';
import { DocumentedOperation } from './openapi-operations';

const aModel = {
  provider: 'OpenAI',
  model: 'GPT-4',
  version: '1.0',
  approver: 'john.doe@company.com',
  capabilities: ['text-generation'],
  status_date: '2025-01-17',
  reference_link: 'https://docs.example.com',
  biases: 'Unknown',
  limitations: 'Context window',
  hosting_provider: 'Cloud',
};

/**
 * One row of each kind an `{id}` route can name, so writes get past "not found" to the database:
 * a NOT NULL violation, for one, only shows on a row that exists.
 */
export async function createFixtures(admin: Session): Promise<void> {
  const { body: model } = await api().post('/api/modelInventory').set(admin.auth).send(aModel).expect(201);
  const risk = { risk_name: 'Robustness fixture', risk_category: 'Security', risk_level: 'High', owner: 'owner@example.com', target_date: '2099-01-31', model_id: model.id };
  await api().post('/api/modelRisks').set(admin.auth).send(risk).expect(201);
  await api().post('/api/projects').set(admin.auth).send({ name: 'Robustness fixture' }).expect(201);
  await api().post('/api/webhooks').set(admin.auth).send({ url: 'https://hooks.example.com/robustness', events: ['model_added'], secret: 'sixteen-chars-secret' }).expect(201);
  await api().post('/api/shares').set(admin.auth).send({ resource: 'models', fields: 'summary', allow_export: false }).expect(201);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1');
  await api().post(`/api/modelInventory/${model.id}/evidence`).set(admin.auth).field('evidence_type', 'Other').attach('file', pdf, 'fixture.pdf').expect(201);
  await addUser(admin, 'Editor');
}

/**
 * The id to put into an operation's `{id}`: the first item its collection lists (the fixtures above, for
 * the routes they cover; the caller's own user is skipped so no request can lock the admin out), else 1.
 */
export async function idFor(operation: DocumentedOperation, admin: Session): Promise<number> {
  const collection = operation.path.slice(0, operation.path.indexOf('/{'));
  const response = await api().get(`${collection}?limit=5`).set(admin.auth);
  const items: Array<{ id?: unknown }> = Array.isArray(response.body?.items) ? response.body.items : [];
  const id = items.map((item) => item.id).find((candidate) => typeof candidate === 'number' && candidate !== admin.userId);
  return typeof id === 'number' ? id : 1;
}
