import { createHmac } from 'node:crypto';
import { addUser, api, register, Session } from './support/api';
import { startReceiver, waitFor } from './support/webhook-receiver';

const seedBody = {
  provider: 'OpenAI',
  model: 'GPT-4',
  version: '1.0',
  approver: 'john.doe@company.com',
  capabilities: ['text-generation', 'summarization'],
  security_assessment: true,
  status: 'Pending',
  status_date: '2025-01-17',
  reference_link: 'https://docs.example.com',
  biases: 'Training data biases',
  limitations: 'Context window limits',
  hosting_provider: 'Cloud',
  security_assessment_data: [],
  projects: [] as number[],
  frameworks: [3],
};

describe('the model register, black-box', () => {
  let admin: Session;

  beforeAll(async () => {
    admin = await register('Register Co');
  });

  it("accepts the seed's example request verbatim (its project ids replaced by this organisation's) and keeps security_assessment_data the server's", async () => {
    const projects = [];
    for (const name of ['Seed A', 'Seed B']) projects.push((await api().post('/api/projects').set(admin.auth).send({ name }).expect(201)).body.id);
    const created = await api().post('/api/modelInventory').set(admin.auth).send({ ...seedBody, projects }).expect(201);
    const { security_assessment_data: _ignored, ...sent } = seedBody;
    expect(created.body).toMatchObject({ ...sent, projects, security_assessment_data: [] });
  });

  it('walks a model through its life: ETag, stale If-Match, history, delete', async () => {
    const { security_assessment_data: _ignored, ...body } = seedBody;
    const created = await api().post('/api/modelInventory').set(admin.auth).send(body).expect(201);
    const id = created.body.id;
    const read = await api().get(`/api/modelInventory/${id}`).set(admin.auth).expect(200);
    const etag = read.headers['etag'];
    expect(etag).toBeTruthy();
    await api().patch(`/api/modelInventory/${id}`).set(admin.auth).set('If-Match', etag).send({ status: 'Approved' }).expect(200);
    await api().patch(`/api/modelInventory/${id}`).set(admin.auth).set('If-Match', etag).send({ status: 'Blocked' }).expect(412);
    await api().delete(`/api/modelInventory/${id}`).set(admin.auth).expect(204);
    await api().get(`/api/modelInventory/${id}`).set(admin.auth).expect(404);
    const history = await api().get(`/api/model-inventory-change-history/${id}?limit=100`).set(admin.auth).expect(200);
    expect(history.body.items[0].action).toBe('deleted');
    expect(history.body.items).toContainEqual(expect.objectContaining({ action: 'updated', field_name: 'status', old_value: 'Pending', new_value: 'Approved', changed_by_email: admin.email }));
    expect(history.body.total).toBeGreaterThan(14);
  });

  it('enforces the role matrix', async () => {
    const [editor, reviewer, auditor] = [await addUser(admin, 'Editor'), await addUser(admin, 'Reviewer'), await addUser(admin, 'Auditor')];
    const { security_assessment_data: _ignored, ...body } = seedBody;
    const { body: model } = await api().post('/api/modelInventory').set(editor.auth).send(body).expect(201);
    await api().patch(`/api/modelInventory/${model.id}`).set(editor.auth).send({ status: 'Approved' }).expect(403);
    await api().patch(`/api/modelInventory/${model.id}`).set(reviewer.auth).send({ status: 'Restricted' }).expect(200);
    await api().patch(`/api/modelInventory/${model.id}`).set(auditor.auth).send({ version: '2' }).expect(403);
    await api().get(`/api/modelInventory/${model.id}`).set(auditor.auth).expect(200);
  });

  it("answers 404 across organisations and keeps each organisation's counts apart", async () => {
    const other = await register('Other Co');
    const { security_assessment_data: _ignored, ...body } = seedBody;
    const { body: model } = await api().post('/api/modelInventory').set(admin.auth).send(body).expect(201);
    await api().get(`/api/modelInventory/${model.id}`).set(other.auth).expect(404);
    await api().get(`/api/model-inventory-change-history/${model.id}`).set(other.auth).expect(404);
    const counts = await api().get('/api/modelInventoryHistory/current-counts?parameter=status').set(other.auth).expect(200);
    expect(counts.body.counts).toEqual({ Approved: 0, Restricted: 0, Pending: 0, Blocked: 0 });
  });

  it('ends the timeseries on the current counts', async () => {
    const current = await api().get('/api/modelInventoryHistory/current-counts?parameter=security_assessment').set(admin.auth).expect(200);
    const series = await api().get('/api/modelInventoryHistory/timeseries?parameter=security_assessment&timeframe=30days').set(admin.auth).expect(200);
    expect(series.body.points.at(-1).counts).toEqual(current.body.counts);
    await api().get('/api/modelInventoryHistory/timeseries?parameter=status&timeframe=2weeks').set(admin.auth).expect(400);
  });
});

describe('webhooks for model changes', () => {
  it('delivers each committed change once, signed over the raw body', async () => {
    const receiver = await startReceiver();
    try {
      const admin = await register('Hooked Co');
      const secret = 'a-very-long-shared-secret';
      await api().post('/api/webhooks').set(admin.auth).send({ url: receiver.url, events: ['model_added', 'model_updated', 'model_deleted'], secret }).expect(201);
      const { security_assessment_data: _ignored, ...body } = seedBody;
      const { body: model } = await api().post('/api/modelInventory').set(admin.auth).send(body).expect(201);
      await api().patch(`/api/modelInventory/${model.id}`).set(admin.auth).send({ version: '2.0' }).expect(200);
      await api().post('/api/modelInventory').set(admin.auth).send({ ...body, approver: 'nope' }).expect(400);
      await api().delete(`/api/modelInventory/${model.id}`).set(admin.auth).expect(204);

      await waitFor(() => (receiver.received.length >= 3 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // Deliveries are independent jobs and may arrive in any order; occurred_at gives the commit order of these sequential writes.
      const inOrder = [...receiver.received].sort((a, b) => Date.parse(a.body.occurred_at) - Date.parse(b.body.occurred_at));
      expect(inOrder.map((hook) => hook.body.event)).toEqual(['model_added', 'model_updated', 'model_deleted']);
      for (const hook of receiver.received) {
        const expected = `sha256=${createHmac('sha256', secret).update(hook.rawBody).digest('hex')}`;
        expect(hook.headers['x-webhook-signature']).toBe(expected);
        expect(hook.body.data.model.id).toBe(model.id);
      }
      expect(new Set(receiver.received.map((hook) => hook.body.id)).size).toBe(3);
    } finally {
      await receiver.close();
    }
  });
});
