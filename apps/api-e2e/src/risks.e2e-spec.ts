import { addUser, api, register, Session } from './support/api';

/** The risk register against the built API and worker, over HTTP only. */
describe('the model risk register, black-box', () => {
  let admin: Session;
  let modelId: number;

  beforeAll(async () => {
    admin = await register('Risk Co');
    const model = {
      provider: 'Anthropic',
      model: 'Claude',
      version: '3.5',
      approver: 'gov@example.com',
      capabilities: ['chat'],
      status_date: '2025-01-17',
      reference_link: 'https://docs.anthropic.com',
      biases: 'Unknown',
      limitations: 'Context window',
      hosting_provider: 'Cloud',
    };
    modelId = (await api().post('/api/modelInventory').set(admin.auth).send(model).expect(201)).body.id;
  });

  it('raises a risk, walks it through the workflow, deletes and restores it, with its history and the model’s open-risk count', async () => {
    const body = { risk_name: 'Jailbreak prompts', risk_category: 'Security', risk_level: 'Critical', owner: 'sec@example.com', target_date: '2099-01-31', model_id: modelId, impact: 'Very High', likelihood: 'High' };
    const { body: risk, headers } = await api().post('/api/modelRisks').set(admin.auth).send(body).expect(201);
    expect(risk).toMatchObject({ status: 'Open', allowed_transitions: ['In Progress'], model: { provider: 'Anthropic', model: 'Claude' } });
    expect(headers['etag']).toBe(`"risk-${risk.id}-v1"`);
    expect((await api().get(`/api/modelInventory/${modelId}`).set(admin.auth).expect(200)).body.open_risk_count).toBe(1);

    await api().put(`/api/modelRisks/${risk.id}`).set(admin.auth).send({ ...body, status: 'Resolved' }).expect(409);
    await api().put(`/api/modelRisks/${risk.id}`).set(admin.auth).set('If-Match', '"risk-1-v99"').send({ ...body, status: 'In Progress' }).expect(412);
    const { body: inProgress } = await api().put(`/api/modelRisks/${risk.id}`).set(admin.auth).set('If-Match', headers['etag']).send({ ...body, status: 'In Progress' }).expect(200);
    const editor = await addUser(admin, 'Editor');
    const { body: accepted } = await api().put(`/api/modelRisks/${risk.id}`).set(editor.auth).send({ ...body, status: 'Accepted' }).expect(200);
    expect(accepted).toMatchObject({ status: 'Accepted', accepted_by: editor.userId, version_number: inProgress.version_number + 1 });
    expect((await api().get(`/api/modelInventory/${modelId}`).set(admin.auth).expect(200)).body.open_risk_count).toBe(0);

    await api().delete(`/api/modelRisks/${risk.id}`).set(admin.auth).expect(204);
    expect((await api().get('/api/modelRisks?filter=deleted').set(admin.auth).expect(200)).body.items.map((r: { id: number }) => r.id)).toEqual([risk.id]);
    await api().post(`/api/modelRisks/${risk.id}/restore`).set(admin.auth).expect(200);
    const { body: history } = await api().get(`/api/model-risk-change-history/${risk.id}`).set(admin.auth).expect(200);
    expect(history.items.slice(0, 4).map((row: { action: string; field_name: string }) => `${row.action}:${row.field_name}`)).toEqual([
      'restored:is_deleted',
      'deleted:is_deleted',
      'updated:status',
      'updated:status',
    ]);

    const { body: matrix } = await api().get('/api/modelRisks/matrix').set(admin.auth).expect(200);
    expect(matrix.cells.find((c: { impact: string; likelihood: string }) => c.impact === 'Very High' && c.likelihood === 'High').count).toBe(1);
    const { body: summary } = await api().get('/api/modelRisks/summary').set(admin.auth).expect(200);
    expect(summary).toMatchObject({ total: 1, by_status: { Accepted: 1 }, by_level: { Critical: 1 } });
  });

  it('answers a generated client’s bad input with 400 naming the field', async () => {
    const response = await api().post('/api/modelRisks').set(admin.auth).send({ risk_name: 'x', risk_category: 'Safety', risk_level: 'Low', owner: 'o', target_date: '2099-01-01', model_id: modelId }).expect(400);
    expect(response.body.errors).toEqual([{ field: 'risk_category', message: 'risk_category must be one of: Performance, Bias & Fairness, Security, Data Quality, Compliance' }]);
  });

  it('imports a register in one batch request and triages it in another: all written with their history, or none when one item is wrong', async () => {
    const risk = (name: string, extra: object = {}) => ({ risk_name: name, risk_category: 'Compliance', risk_level: 'Medium', owner: 'gov@example.com', target_date: '2099-03-31', model_id: modelId, ...extra });
    const before = (await api().get('/api/modelRisks/summary').set(admin.auth).expect(200)).body.total;
    const refused = await api().post('/api/modelRisks/batch').set(admin.auth).send({ items: [risk('EU AI Act logging'), risk('Retention', { likelihood: 'Often' })] }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'items.1.likelihood', message: 'likelihood must be one of: Very Low, Low, Medium, High, Very High' }]);
    expect((await api().get('/api/modelRisks/summary').set(admin.auth).expect(200)).body.total).toBe(before);

    const { body } = await api().post('/api/modelRisks/batch').set(admin.auth).send({ items: [risk('EU AI Act logging'), risk('Retention', { likelihood: 'High' })] }).expect(201);
    expect(body.items.map((r: { risk_name: string; status: string }) => `${r.risk_name}:${r.status}`)).toEqual(['EU AI Act logging:Open', 'Retention:Open']);
    expect((await api().get('/api/modelRisks/summary').set(admin.auth).expect(200)).body.total).toBe(before + 2);
    const { body: history } = await api().get(`/api/model-risk-change-history/${body.items[1].id}`).set(admin.auth).expect(200);
    expect(history.items.map((row: { field_name: string }) => row.field_name)).toContain('likelihood');

    const ids = body.items.map((r: { id: number }) => r.id);
    const triage = await api().patch('/api/modelRisks/batch').set(admin.auth).send({ items: ids.map((id: number) => ({ id, status: 'In Progress' })) }).expect(200);
    expect(triage.body.items.map((r: { status: string }) => r.status)).toEqual(['In Progress', 'In Progress']);
    const refusedMove = await api().patch('/api/modelRisks/batch').set(admin.auth).send({ items: [{ id: ids[0], status: 'Resolved' }, { id: ids[1], status: 'Open' }] }).expect(409);
    expect(refusedMove.body.detail).toContain(`items.1 (risk ${ids[1]}): A risk cannot move from In Progress to Open`);
    expect((await api().get(`/api/modelRisks/${ids[0]}`).set(admin.auth).expect(200)).body.status).toBe('In Progress');
  });
});
