import { NestExpressApplication } from '@nestjs/platform-express';
import { ModelRiskCategory, ModelRiskLevel, ModelRiskResponse, ModelRiskStatus, RISK_RATINGS, RiskRating, Role } from '@model-inventory/contracts';
import { InventoryModule } from '@model-inventory/server-inventory';
import { RisksModule } from '@model-inventory/server-risks';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';
import { countQueries, countQueriesWithLookup } from './inventory-fixtures';
import { aRisk, riskClient, riskWrites } from './risk-fixtures';

const { OPEN, IN_PROGRESS, RESOLVED, ACCEPTED } = ModelRiskStatus;

describe('risk lists, summary, matrix, export, roles, tenancy and the model register (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let client: ReturnType<typeof riskClient>;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, RisksModule]);
    client = riskClient(app);
  });

  afterAll(() => app.close());

  const list = async (session: TestSession, query = '') => (await client.http().get(`/api/modelRisks?limit=500&${query}`).set(session.auth).expect(200)).body as { items: ModelRiskResponse[]; total: number };

  /** An organisation with a known spread of risks over two models. */
  async function seeded() {
    const org = await registerOrganization(app);
    const [chat, scorer] = [await client.model(org, { model: 'Chat' }), await client.model(org, { model: 'Scorer' })];
    const specs = [
      { model_id: chat.id, risk_name: 'Toxic replies', risk_level: ModelRiskLevel.CRITICAL, risk_category: ModelRiskCategory.SECURITY, status: OPEN, target_date: '2020-01-01', impact: 'Very High', likelihood: 'Medium' },
      { model_id: chat.id, risk_name: 'Prompt injection', risk_level: ModelRiskLevel.HIGH, risk_category: ModelRiskCategory.SECURITY, status: IN_PROGRESS, owner: 'sec@example.com', impact: 'High', likelihood: 'High' },
      { model_id: chat.id, risk_name: 'Slow answers', risk_level: ModelRiskLevel.LOW, risk_category: ModelRiskCategory.PERFORMANCE, status: RESOLVED, target_date: '2020-01-01' },
      { model_id: scorer.id, risk_name: 'Postcode proxy bias', risk_level: ModelRiskLevel.HIGH, risk_category: ModelRiskCategory.BIAS, status: ACCEPTED, impact: 'High', likelihood: 'High' },
      { model_id: scorer.id, risk_name: 'Drift after rate change', risk_level: ModelRiskLevel.MEDIUM, risk_category: ModelRiskCategory.DATA_QUALITY, status: OPEN },
    ];
    const risks = [];
    for (const spec of specs) risks.push(await client.create(org, spec.model_id, spec as never));
    return { org, chat, scorer, risks };
  }

  describe('the list', () => {
    it('filters active (default), deleted and all; refuses any other filter naming it', async () => {
      const { org, risks } = await seeded();
      await client.http().delete(`/api/modelRisks/${risks[4].id}`).set(org.auth).expect(204);
      expect((await list(org)).total).toBe(4);
      expect((await list(org, 'filter=deleted')).items.map((r) => r.id)).toEqual([risks[4].id]);
      expect((await list(org, 'filter=all')).total).toBe(5);
      const bad = await client.http().get('/api/modelRisks?filter=archived').set(org.auth).expect(400);
      expect(bad.body.errors[0].field).toBe('filter');
    });

    it('filters by model, levels, categories, statuses, owner, overdue and name, and carries each risk’s model', async () => {
      const { org, chat, risks } = await seeded();
      const names = async (query: string) => (await list(org, query)).items.map((r) => r.risk_name).sort();
      expect(await names(`model_id=${chat.id}`)).toEqual(['Prompt injection', 'Slow answers', 'Toxic replies']);
      expect(await names('risk_level=High,Critical')).toEqual(['Postcode proxy bias', 'Prompt injection', 'Toxic replies']);
      expect(await names('risk_category=Security&status=In%20Progress')).toEqual(['Prompt injection']);
      expect(await names('owner=SEC@example.com')).toEqual(['Prompt injection']);
      expect(await names('overdue=true')).toEqual(['Toxic replies']);
      expect(await names('search=INJECT')).toEqual(['Prompt injection']);
      expect(await names('search=%25')).toEqual([]);
      const [toxic] = (await list(org, 'search=Toxic')).items;
      expect(toxic).toMatchObject({ id: risks[0].id, overdue: true, model: { id: chat.id, provider: 'OpenAI', model: 'Chat', version: '1.0' }, is_deleted: false, deleted_at: null });
    });

    it('sorts by severity and by model, and pages', async () => {
      const { org } = await seeded();
      expect((await list(org, 'sort=risk_level:desc')).items.map((r) => r.risk_level)).toEqual(['Critical', 'High', 'High', 'Medium', 'Low']);
      expect((await list(org, 'sort=model:asc')).items.map((r) => r.model.model)).toEqual(['Chat', 'Chat', 'Chat', 'Scorer', 'Scorer']);
      const page = (await client.http().get('/api/modelRisks?limit=2&offset=2&sort=risk_name:asc').set(org.auth).expect(200)).body;
      expect(page).toMatchObject({ total: 5, limit: 2, offset: 2, items: [{ risk_name: 'Prompt injection' }, { risk_name: 'Slow answers' }] });
    });

    it('lists each risk byte for byte as its own GET returns it: live, accepted, deleted and with a deleted model', async () => {
      const { org, chat, risks } = await seeded();
      const tricky = await client.create(org, chat.id, {
        risk_name: 'Quote "q" \\ back/slash Ünïcødé 🚀 </script>',
        description: 'line\nbreak\ttab\u0001',
        mitigation_plan: 'Reviewed "twice"\r\n',
        key_metrics: 'ç',
        target_date: '2020-02-29',
      });
      await app.get(DataSource).query('UPDATE model_risks SET accepted_at = $1 WHERE id = $2', ['2026-05-06 07:08:09.999999+00', risks[3].id]);
      await client.http().delete(`/api/modelRisks/${risks[2].id}`).set(org.auth).expect(204);
      await client.http().delete(`/api/modelInventory/${chat.id}`).set(org.auth).expect(204);
      const listed = await client.http().get('/api/modelRisks?filter=all&sort=risk_name:asc').set(org.auth).expect(200);
      expect(listed.headers['content-type']).toBe('application/json; charset=utf-8');
      const ids = (JSON.parse(listed.text) as { items: ModelRiskResponse[] }).items.map((r) => r.id);
      expect([...ids].sort()).toEqual([...risks.map((r) => r.id), tricky.id].sort());
      const singles = [];
      for (const id of ids) {
        singles.push((await client.http().get(`/api/modelRisks/${id}`).set(org.auth).expect(200)).body);
      }
      expect(listed.text).toBe(JSON.stringify({ items: singles, total: 6, limit: 50, offset: 0 }));
      expect(singles.find((r) => r.id === risks[3].id)).toMatchObject({ accepted_at: '2026-05-06T07:08:09.999Z', accepted_by: org.user.id, allowed_transitions: ['Open'] });
      expect(singles.find((r) => r.id === tricky.id)).toMatchObject({ overdue: true, is_deleted: true, allowed_transitions: [], model: { id: chat.id, is_deleted: true } });
    });

    it('reads a page, its total, the models and the accepters in one statement after the caller is looked up', async () => {
      const { org } = await seeded();
      for (const limit of [1, 50]) {
        const statements = await countQueriesWithLookup(app, () => client.http().get(`/api/modelRisks?limit=${limit}&overdue=false&search=a`).set(org.auth).expect(200));
        expect(statements).toBe(2);
      }
    });

    it('reuses the caller’s lookup on the next request: the page alone is one statement', async () => {
      const { org } = await seeded();
      const page = () => client.http().get('/api/modelRisks?limit=50&overdue=false&search=a').set(org.auth).expect(200);
      await countQueriesWithLookup(app, page);
      expect(await countQueries(app.get(DataSource), page)).toBe(1);
    });
  });

  describe('summary and matrix', () => {
    it('counts active risks in every bucket, zeros included, equal to the list totals', async () => {
      const { org, risks } = await seeded();
      await client.http().delete(`/api/modelRisks/${risks[2].id}`).set(org.auth).expect(204);
      const { body: summary } = await client.http().get('/api/modelRisks/summary').set(org.auth).expect(200);
      expect(summary).toEqual({
        total: 4,
        overdue: 1,
        by_level: { Low: 0, Medium: 1, High: 2, Critical: 1 },
        by_status: { Open: 2, 'In Progress': 1, Resolved: 0, Accepted: 1 },
        by_category: { Performance: 0, 'Bias & Fairness': 1, Security: 2, 'Data Quality': 1, Compliance: 0 },
      });
      for (const level of Object.values(ModelRiskLevel)) expect((await list(org, `risk_level=${level}`)).total).toBe(summary.by_level[level]);
      expect((await list(org, 'overdue=true')).total).toBe(summary.overdue);
    });

    it('has 25 cells whose counts equal the list filtered by each cell, plus the unrated, and follows the list filters', async () => {
      const { org, chat } = await seeded();
      const { body: matrix } = await client.http().get('/api/modelRisks/matrix').set(org.auth).expect(200);
      expect(matrix.cells).toHaveLength(25);
      expect(matrix.cells.map((c: { impact: RiskRating }) => c.impact)).toEqual(RISK_RATINGS.flatMap((r) => Array(5).fill(r)));
      expect(matrix).toMatchObject({ total: 5, unrated: 2 });
      for (const cell of matrix.cells as Array<{ impact: string; likelihood: string; count: number }>) {
        const filtered = await list(org, `impact=${encodeURIComponent(cell.impact)}&likelihood=${encodeURIComponent(cell.likelihood)}`);
        expect({ ...cell, listed: filtered.total }).toEqual({ ...cell, listed: cell.count });
      }
      const { body: chatOnly } = await client.http().get(`/api/modelRisks/matrix?model_id=${chat.id}`).set(org.auth).expect(200);
      expect(chatOnly.cells.find((c: { impact: string; likelihood: string }) => c.impact === 'High' && c.likelihood === 'High').count).toBe(1);
      expect(chatOnly.total).toBe(3);
    });
  });

  it('exports the filtered view as CSV, one line per risk', async () => {
    const { org } = await seeded();
    const response = await client.http().get('/api/modelRisks/export?format=csv&risk_level=High&sort=risk_name:asc').set(org.auth).buffer(true).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="Org-[0-9a-f]+-model-risks-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^ID,Risk,Model,Model ID,Level,Category,Status,Owner,Target date,Overdue,/);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['Postcode proxy bias', 'Prompt injection']);
    await client.http().get('/api/modelRisks/export?format=pdf').set(org.auth).expect(400);
  });

  describe('the model register', () => {
    it('carries each model’s open risks (Open + In Progress, active only), filters and sorts by them', async () => {
      const { org, chat, scorer, risks } = await seeded();
      const model = async (id: number) => (await client.http().get(`/api/modelInventory/${id}`).set(org.auth).expect(200)).body;
      expect((await model(chat.id)).open_risk_count).toBe(2);
      expect((await model(scorer.id)).open_risk_count).toBe(1);
      await client.put(org, risks[1], { status: RESOLVED }).expect(200);
      await client.http().delete(`/api/modelRisks/${risks[0].id}`).set(org.auth).expect(204);
      expect((await model(chat.id)).open_risk_count).toBe(0);
      await client.http().post(`/api/modelRisks/${risks[0].id}/restore`).set(org.auth).expect(200);
      expect((await model(chat.id)).open_risk_count).toBe(1);
      const quiet = await client.model(org, { model: 'Quiet' });
      const { body: withRisks } = await client.http().get('/api/modelInventory?has_open_risks=true&sort=open_risk_count:desc').set(org.auth).expect(200);
      expect(withRisks.items.map((m: { id: number; open_risk_count: number }) => [m.id, m.open_risk_count])).toEqual([
        [chat.id, 1],
        [scorer.id, 1],
      ].sort((a, b) => b[1] - a[1] || b[0] - a[0]));
      const { body: without } = await client.http().get('/api/modelInventory?has_open_risks=false').set(org.auth).expect(200);
      expect(without.items.map((m: { id: number }) => m.id)).toEqual([quiet.id]);
    });

    it('soft-deletes a deleted model’s active risks with it, each with a history row saying so; they cannot be restored while it is deleted', async () => {
      const { org, chat, risks } = await seeded();
      await client.http().delete(`/api/modelRisks/${risks[2].id}`).set(org.auth).expect(204);
      await client.http().delete(`/api/modelInventory/${chat.id}`).set(org.auth).expect(204);
      const deleted = await list(org, `filter=deleted&model_id=${chat.id}`);
      expect(deleted.items.map((r) => r.id).sort()).toEqual([risks[0].id, risks[1].id, risks[2].id].sort());
      expect(deleted.items.every((r) => r.model.is_deleted)).toBe(true);
      for (const risk of [risks[0], risks[1]]) {
        const [latest] = (await client.history(org, risk.id)).items;
        expect(latest).toMatchObject({ action: 'deleted', field_name: 'is_deleted', new_value: `true (deleted with model ${chat.id})` });
      }
      const [earlier] = (await client.history(org, risks[2].id)).items;
      expect(earlier['new_value']).toBe('true');
      const refused = await client.http().post(`/api/modelRisks/${risks[0].id}/restore`).set(org.auth).expect(409);
      expect(refused.body.detail).toContain(`model_id ${chat.id}`);
      expect((await list(org)).items.every((r) => r.model_id !== chat.id)).toBe(true);
    });
  });

  describe('roles and tenancy', () => {
    it('lets Admins, Reviewers and Editors write; refuses every write of an Auditor with 403 and writes nothing', async () => {
      const { org, chat, risks } = await seeded();
      for (const role of [Role.Reviewer, Role.Editor]) {
        const user = await addUser(app, org, role);
        const created = await client.create(user, chat.id);
        await client.put(user, created, { status: IN_PROGRESS }).expect(200);
        await client.http().delete(`/api/modelRisks/${created.id}`).set(user.auth).expect(204);
        await client.http().post(`/api/modelRisks/${created.id}/restore`).set(user.auth).expect(200);
      }
      const auditor = await addUser(app, org, Role.Auditor);
      const before = await riskWrites(app, org.organizationId);
      await client.http().post('/api/modelRisks').set(auditor.auth).send(aRisk(chat.id)).expect(403);
      await client.put(auditor, risks[0], { status: IN_PROGRESS }).expect(403);
      await client.http().delete(`/api/modelRisks/${risks[0].id}`).set(auditor.auth).expect(403);
      await client.http().post(`/api/modelRisks/${risks[0].id}/restore`).set(auditor.auth).expect(403);
      expect(await riskWrites(app, org.organizationId)).toEqual(before);
      for (const path of ['', '/summary', '/matrix', `/${risks[0].id}`, '/export']) await client.http().get(`/api/modelRisks${path}`).set(auditor.auth).expect(200);
      await client.http().get(`/api/model-risk-change-history/${risks[0].id}`).set(auditor.auth).expect(200);
    });

    it('answers 404 to another organisation on every route of a risk, and lists none of it', async () => {
      const { org, risks } = await seeded();
      const other = await registerOrganization(app);
      const id = risks[0].id;
      await client.http().get(`/api/modelRisks/${id}`).set(other.auth).expect(404);
      await client.put(other, risks[0]).expect(404);
      await client.http().delete(`/api/modelRisks/${id}`).set(other.auth).expect(404);
      await client.http().post(`/api/modelRisks/${id}/restore`).set(other.auth).expect(404);
      await client.http().get(`/api/model-risk-change-history/${id}`).set(other.auth).expect(404);
      expect((await list(other, 'filter=all')).total).toBe(0);
      expect((await client.http().get('/api/modelRisks/summary').set(other.auth).expect(200)).body.total).toBe(0);
      expect((await client.http().get(`/api/modelRisks/${id}`).set(org.auth).expect(200)).body.id).toBe(id);
    });
  });
});
