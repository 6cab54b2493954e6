import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@model-inventory/contracts';
import { EventRegistry } from '@model-inventory/server-automation';
import { InventoryModule } from '@model-inventory/server-inventory';
import { ProjectsModule } from '@model-inventory/server-projects';
import { addUser, createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aModel, countQueriesWithLookup, pdfText } from './inventory-fixtures';

describe('model inventory over HTTP (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, ProjectsModule]);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
  });

  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const create = (session: TestSession, body: object) => http().post('/api/modelInventory').set(session.auth).send(body);
  const countModels = async (session: TestSession) => (await http().get('/api/modelInventory?limit=1').set(session.auth).expect(200)).body.total as number;

  it('creates a model with the seed body, defaults status to Pending and returns its links', async () => {
    const { body: project } = await http().post('/api/projects').set(acme.auth).send({ name: 'Chat' }).expect(201);
    const response = await create(acme, { ...aModel(), status: undefined, projects: [project.id], frameworks: [3] }).expect(201);
    expect(response.body).toMatchObject({ provider: 'OpenAI', status: 'Pending', projects: [project.id], frameworks: [3], security_assessment_data: [], is_demo: false });
    expect(response.headers['etag']).toBe(`"mi-${response.body.id}-v1"`);
  });

  it('records the created model in its history and in a model_added event that carries the model as the response does', async () => {
    const { body: project } = await http().post('/api/projects').set(acme.auth).send({ name: 'Audited' }).expect(201);
    const { body: model } = await create(acme, { ...aModel(), projects: [project.id], frameworks: [2, 1] }).expect(201);
    expect(model).toMatchObject({ projects: [project.id], frameworks: [1, 2], version_number: 1 });
    const [event] = await app.get(DataSource).query(`SELECT payload FROM automation_events WHERE event = 'model_added' AND payload -> 'model' ->> 'id' = $1`, [String(model.id)]);
    // Stored: the row as the database wrote it, defaults included; sent: that row as the API shows it.
    expect(event.payload.model).toMatchObject({ id: model.id, version_number: 1, created_by_user_id: acme.user.id, deleted_at: null, projects: [project.id], frameworks: [1, 2] });
    expect(app.get(EventRegistry).present('model_added', event.payload)).toEqual({ model });
    const { body: history } = await http().get(`/api/model-inventory-change-history/${model.id}?limit=50`).set(acme.auth).expect(200);
    expect(history.items.map((row: { field_name: string }) => row.field_name).sort()).toEqual(
      ['provider', 'model', 'version', 'approver', 'capabilities', 'security_assessment', 'status', 'status_date', 'reference_link', 'biases', 'limitations', 'hosting_provider', 'projects', 'frameworks'].sort(),
    );
    expect(history.items.find((row: { field_name: string }) => row.field_name === 'frameworks')).toMatchObject({ action: 'created', old_value: null, new_value: '[1,2]', changed_by_user_id: acme.user.id });
  });

  it("accepts the seed's own example request verbatim (apart from the ids) and keeps security_assessment_data the server's", async () => {
    const { body: first } = await http().post('/api/projects').set(acme.auth).send({ name: 'Seed project A' }).expect(201);
    const { body: second } = await http().post('/api/projects').set(acme.auth).send({ name: 'Seed project B' }).expect(201);
    // The seed's "Create Model Request", with its project ids replaced by projects of this organisation.
    const seedExample = {
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
      projects: [first.id, second.id],
      frameworks: [3],
    };
    const { body: created } = await create(acme, seedExample).expect(201);
    const { security_assessment_data: _ignored, ...stored } = seedExample;
    expect(created).toMatchObject({ ...stored, security_assessment_data: [] });

    const claimed = [{ id: 99, filename: 'claimed.pdf', size: 1, mimetype: 'application/pdf', upload_date: '2025-01-17', uploaded_by: 1 }];
    const { body: other } = await create(acme, { ...aModel(), security_assessment_data: claimed }).expect(201);
    expect(other.security_assessment_data).toEqual([]);
    const { body: patched } = await http().patch(`/api/modelInventory/${other.id}`).set(acme.auth).send({ security_assessment_data: claimed }).expect(200);
    expect(patched.security_assessment_data).toEqual([]);
    expect((await http().get(`/api/modelInventory/${other.id}`).set(acme.auth).expect(200)).body.security_assessment_data).toEqual([]);
  });

  it('creates with one statement after the caller is looked up: model, links, history, snapshot and event', async () => {
    const statements = await countQueriesWithLookup(app, () => create(acme, { ...aModel(), frameworks: [1] }).expect(201));
    expect(statements).toBe(2);
  });

  it.each([
    ['provider', { provider: '' }],
    ['approver', { approver: 'not-an-email' }],
    ['capabilities', { capabilities: [] }],
    ['capabilities', { capabilities: ['ok', ' '] }],
    ['reference_link', { reference_link: 'ftp://files.example.com' }],
    ['status_date', { status_date: '2025-02-30' }],
    ['status_date', { status_date: 'yesterday' }],
    ['status', { status: 'Approved-ish' }],
    ['version', { version: 'x'.repeat(101) }],
    ['projects', { projects: ['one'] }],
  ])('rejects a bad %s with a 400 naming it and writes nothing', async (field, override) => {
    const before = await countModels(acme);
    const response = await create(acme, { ...aModel(), ...override }).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countModels(acme)).toBe(before);
  });

  it('names every missing required field at once', async () => {
    const response = await create(acme, {}).expect(400);
    const fields = new Set(response.body.errors.map((e: { field: string }) => e.field));
    for (const field of ['provider', 'model', 'version', 'approver', 'capabilities', 'status_date', 'reference_link', 'biases', 'limitations', 'hosting_provider']) {
      expect(fields).toContain(field);
    }
  });

  it("refuses another organisation's projects and unknown frameworks, naming the ids", async () => {
    const { body: foreign } = await http().post('/api/projects').set(globex.auth).send({ name: 'Not yours' }).expect(201);
    const before = await countModels(acme);
    const response = await create(acme, { ...aModel(), projects: [foreign.id], frameworks: [424242] }).expect(400);
    expect(response.body.errors).toEqual([
      { field: 'projects', message: `unknown project ids: ${foreign.id}` },
      { field: 'frameworks', message: 'unknown framework ids: 424242' },
    ]);
    expect(await countModels(acme)).toBe(before);
    const written = async () => {
      const [row] = await app.get(DataSource).query(
        `SELECT (SELECT count(*) FROM change_history WHERE organization_id = $1)::int AS history,
                (SELECT count(*) FROM automation_events WHERE organization_id = $1)::int AS events,
                (SELECT count(*) FROM model_inventory_snapshots WHERE organization_id = $1)::int AS snapshots`,
        [acme.organizationId],
      );
      return row;
    };
    const rowsBefore = await written();
    await create(acme, { ...aModel(), projects: [foreign.id] }).expect(400);
    expect(await written()).toEqual(rowsBefore);

    const { body: model } = await create(acme, { ...aModel(), frameworks: [1] }).expect(201);
    const rowsAfterCreate = await written();
    const patched = await http().patch(`/api/modelInventory/${model.id}`).set(acme.auth).send({ version: '9.9', projects: [foreign.id], frameworks: [424242] }).expect(400);
    expect(patched.body.errors).toEqual([
      { field: 'projects', message: `unknown project ids: ${foreign.id}` },
      { field: 'frameworks', message: 'unknown framework ids: 424242' },
    ]);
    expect(await written()).toEqual(rowsAfterCreate);
    expect((await http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200)).body).toEqual(model);
  });

  it("answers 404 for another organisation's model on every route", async () => {
    const { body: model } = await create(acme, aModel()).expect(201);
    await http().get(`/api/modelInventory/${model.id}`).set(globex.auth).expect(404);
    await http().patch(`/api/modelInventory/${model.id}`).set(globex.auth).send({ model: 'stolen' }).expect(404);
    await http().delete(`/api/modelInventory/${model.id}`).set(globex.auth).expect(404);
    await http().get(`/api/model-inventory-change-history/${model.id}`).set(globex.auth).expect(404);
  });

  it('updates partially, replaces links when sent, and bumps the ETag', async () => {
    const { body: model } = await create(acme, { ...aModel(), frameworks: [1, 2] }).expect(201);
    const patched = await http().patch(`/api/modelInventory/${model.id}`).set(acme.auth).send({ version: '1.1', frameworks: [4] }).expect(200);
    expect(patched.body).toMatchObject({ version: '1.1', model: 'GPT-4', frameworks: [4], version_number: 2 });
    expect(patched.headers['etag']).toBe(`"mi-${model.id}-v2"`);
    const untouched = await http().patch(`/api/modelInventory/${model.id}`).set(acme.auth).send({ biases: 'Training data biases' }).expect(200);
    expect(untouched.body.version_number).toBe(2);
  });

  it('replaces links by keeping, dropping and adding, and sends the update with the model as the response shows it', async () => {
    const projects = await Promise.all(['Kept', 'Dropped', 'Added'].map(async (name) => (await http().post('/api/projects').set(acme.auth).send({ name }).expect(201)).body.id as number));
    const [kept, dropped, added] = projects;
    const { body: before } = await create(acme, { ...aModel(), projects: [kept, dropped], frameworks: [1] }).expect(201);
    const { body: after } = await http().patch(`/api/modelInventory/${before.id}`).set(acme.auth).send({ projects: [added, kept], status: 'Approved' }).expect(200);
    expect(after).toMatchObject({ projects: [kept, added].sort((a, b) => a - b), frameworks: [1], status: 'Approved', version_number: 2 });
    expect((await http().get(`/api/modelInventory/${before.id}`).set(acme.auth).expect(200)).body).toEqual(after);
    const [event] = await app.get(DataSource).query(`SELECT payload FROM automation_events WHERE event = 'model_updated' AND payload -> 'model' ->> 'id' = $1`, [String(before.id)]);
    const sent = app.get(EventRegistry).present('model_updated', event.payload);
    expect(sent.model).toEqual(after);
    expect(sent.previous).toEqual(before);
    expect(sent.changes?.map((change) => change.field_name)).toEqual(['status', 'projects']);
  });

  it('answers 412 to a stale If-Match and writes nothing', async () => {
    const { body: model, headers } = await create(acme, aModel()).expect(201);
    await http().patch(`/api/modelInventory/${model.id}`).set(acme.auth).set('If-Match', headers['etag']).send({ version: '2' }).expect(200);
    await http().patch(`/api/modelInventory/${model.id}`).set(acme.auth).set('If-Match', headers['etag']).send({ version: '3' }).expect(412);
    await http().delete(`/api/modelInventory/${model.id}`).set(acme.auth).set('If-Match', headers['etag']).expect(412);
    const current = await http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200);
    expect(current.body.version).toBe('2');
  });

  it('keeps the change history readable after a delete, which is otherwise final', async () => {
    const { body: model } = await create(acme, aModel()).expect(201);
    await http().delete(`/api/modelInventory/${model.id}`).set(acme.auth).expect(204);
    await http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(404);
    await http().delete(`/api/modelInventory/${model.id}`).set(acme.auth).expect(404);
    const history = await http().get(`/api/model-inventory-change-history/${model.id}`).set(acme.auth).expect(200);
    const actions = new Set(history.body.items.map((h: { action: string }) => h.action));
    expect([...actions].sort()).toEqual(['created', 'deleted']);
  });

  it('records one history row per changed field, with who changed it', async () => {
    const { body: model } = await create(acme, aModel()).expect(201);
    await http().patch(`/api/modelInventory/${model.id}`).set(acme.auth).send({ status: 'Approved', capabilities: ['chat'], frameworks: [2] }).expect(200);
    const { body } = await http().get(`/api/model-inventory-change-history/${model.id}?limit=100`).set(acme.auth).expect(200);
    const updates = body.items.filter((h: { action: string }) => h.action === 'updated');
    expect(updates.map((h: { field_name: string }) => h.field_name).sort()).toEqual(['capabilities', 'frameworks', 'status']);
    expect(updates.find((h: { field_name: string }) => h.field_name === 'status')).toMatchObject({ old_value: 'Pending', new_value: 'Approved', changed_by_user_id: acme.user.id, changed_by_email: acme.user.email });
    expect(body.items[0].action).toBe('updated');
  });

  describe('roles', () => {
    let editor: TestSession;
    let reviewer: TestSession;
    let auditor: TestSession;

    beforeAll(async () => {
      [editor, reviewer, auditor] = await Promise.all([addUser(app, acme, Role.Editor), addUser(app, acme, Role.Reviewer), addUser(app, acme, Role.Auditor)]);
    });

    it('lets an Editor register Pending models but not approve, restrict or block them', async () => {
      const { body: model } = await create(editor, aModel()).expect(201);
      await create(editor, { ...aModel(), status: 'Approved' }).expect(403);
      const denied = await http().patch(`/api/modelInventory/${model.id}`).set(editor.auth).send({ status: 'Blocked', version: '9' }).expect(403);
      expect(denied.body.detail).toContain('Admin and Reviewer');
      const unchanged = await http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200);
      expect(unchanged.body).toMatchObject({ status: 'Pending', version: '1.0' });
    });

    it('lets a Reviewer approve', async () => {
      const { body: model } = await create(editor, aModel()).expect(201);
      await http().patch(`/api/modelInventory/${model.id}`).set(reviewer.auth).send({ status: 'Approved' }).expect(200);
    });

    it('keeps an Auditor read-only', async () => {
      const { body: model } = await create(acme, aModel()).expect(201);
      await http().get(`/api/modelInventory/${model.id}`).set(auditor.auth).expect(200);
      await create(auditor, aModel()).expect(403);
      await http().patch(`/api/modelInventory/${model.id}`).set(auditor.auth).send({ version: '2' }).expect(403);
      await http().delete(`/api/modelInventory/${model.id}`).set(auditor.auth).expect(403);
    });
  });

  describe('listing', () => {
    let org: TestSession;

    beforeAll(async () => {
      org = await registerOrganization(app);
      const { body: project } = await http().post('/api/projects').set(org.auth).send({ name: 'Scoring' }).expect(201);
      const models = [
        aModel({ provider: 'OpenAI', model: 'GPT-4o', status: 'Approved' as never, security_assessment: true, projects: [project.id] }),
        aModel({ provider: 'Anthropic', model: 'Claude', status: 'Pending' as never, security_assessment: false, frameworks: [1] }),
        aModel({ provider: 'Meta', model: 'Llama', status: 'Blocked' as never, approver: 'risk@company.com', status_date: '2024-06-01' }),
        aModel({ provider: 'openai', model: 'Whisper', status: 'Restricted' as never, version: '3' }),
      ];
      for (const model of models) await create(org, model).expect(201);
    });

    const list = (query: string) => http().get(`/api/modelInventory${query}`).set(org.auth).expect(200);

    it('filters by one or several statuses, provider, approver, assessment, project and framework', async () => {
      expect((await list('?status=Approved,Blocked')).body.total).toBe(2);
      expect((await list('?status=Approved&status=Pending&status=Blocked')).body.total).toBe(3);
      expect((await list('?provider=OPENAI')).body.total).toBe(2);
      expect((await list('?approver=risk@company.com')).body.items[0].model).toBe('Llama');
      expect((await list('?security_assessment=false')).body.items.map((m: { model: string }) => m.model)).toEqual(['Claude']);
      expect((await list('?framework_id=1')).body.items.map((m: { model: string }) => m.model)).toEqual(['Claude']);
      const byProject = await list('?project_id=' + (await list('?search=gpt-4o')).body.items[0].projects[0]);
      expect(byProject.body.items.map((m: { model: string }) => m.model)).toEqual(['GPT-4o']);
    });

    it('searches provider, model and version together, case-insensitively', async () => {
      expect((await list('?search=WHISPER')).body.total).toBe(1);
      expect((await list('?search=openai gpt')).body.items.map((m: { model: string }) => m.model)).toEqual(['GPT-4o']);
      expect((await list('?search=100%')).body.total).toBe(0);
    });

    it('sorts and pages with a stable order', async () => {
      const sorted = await list('?sort=status_date:asc&limit=2&offset=0');
      expect(sorted.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
      expect(sorted.body.items[0].model).toBe('Llama');
      const beyond = await list('?offset=10');
      expect(beyond.body).toMatchObject({ items: [], total: 4 });
      await http().get('/api/modelInventory?sort=password:asc').set(org.auth).expect(400);
      await http().get('/api/modelInventory?limit=501').set(org.auth).expect(400);
      await http().get('/api/modelInventory?status=Nope').set(org.auth).expect(400);
    });

    it('lists by project and by framework with the same page shape', async () => {
      const project = (await list('?search=gpt-4o')).body.items[0].projects[0];
      const byProject = await http().get(`/api/modelInventory/by-projectId/${project}`).set(org.auth).expect(200);
      expect(byProject.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
      const byFramework = await http().get('/api/modelInventory/by-frameworkId/1').set(org.auth).expect(200);
      expect(byFramework.body.items[0].frameworks).toEqual([1]);
      await http().get(`/api/modelInventory/by-projectId/${project}`).set(acme.auth).expect(404);
    });

    it('lists each model byte for byte as its own GET returns it', async () => {
      const tricky = aModel({
        provider: 'Quote "q" \\ back/slash',
        model: 'Ünïcødé 🚀 </script>',
        version: 'tab\there',
        capabilities: ['line\nbreak', 'ctrl\u0001', 'ç'],
        status: 'Approved' as never,
        status_rationale: 'Reviewed "twice"\r\n',
      });
      const { body: created } = await create(org, tricky).expect(201);
      const files = [{ id: 7, filename: 'a "b".pdf', size: 1500, mimetype: 'application/pdf', upload_date: '2026-01-02T03:04:05.678Z', uploaded_by: org.user.id }];
      await app.get(DataSource).query('UPDATE model_inventories SET security_assessment_data = $1, approved_at = $2 WHERE id = $3', [
        JSON.stringify(files),
        '2026-05-06 07:08:09.999999+00',
        created.id,
      ]);
      const single = await http().get(`/api/modelInventory/${created.id}`).set(org.auth).expect(200);
      const listed = await list(`?search=${encodeURIComponent('Ünïcødé')}`);
      expect(listed.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(listed.text).toBe(JSON.stringify({ items: [single.body], total: 1, limit: 50, offset: 0 }));
      expect(single.body).toMatchObject({ security_assessment_data: files, approved_at: '2026-05-06T07:08:09.999Z', approved_by: { id: org.user.id } });
      await http().delete(`/api/modelInventory/${created.id}`).set(org.auth).expect(204);
    });

    it('sends the same number of SQL statements for a page of 1 and a page of 50', async () => {
      const small = await countQueriesWithLookup(app, () => list('?limit=1'));
      const large = await countQueriesWithLookup(app, () => list('?limit=50'));
      expect(large).toBe(small);
      // The caller's user (auth guard), then the page with its total and link ids.
      expect(small).toBe(2);
    });

    it('exports the filtered view as CSV, XLSX and PDF', async () => {
      const download = (path: string) =>
        http()
          .get(path)
          .set(org.auth)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
      const csv = await list('/export?format=csv&status=Approved,Blocked&sort=model:asc');
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toMatch(/attachment; filename="Org-[0-9a-f]+-model-inventory-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = csv.text.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('GPT-4o');
      expect(lines[1]).toContain('Scoring');
      expect(lines[2]).toContain('Llama');
      const xlsx = await download('/api/modelInventory/export?format=xlsx');
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      const pdf = await download('/api/modelInventory/export?format=pdf&status=Approved,Blocked&sort=model:asc');
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(/filename="Org-[0-9a-f]+-model-inventory-\d{4}-\d{2}-\d{2}\.pdf"/);
      const text = pdfText(pdf.body as Buffer);
      expect(text).toContain('status: Approved, Blocked');
      expect(text.indexOf('GPT-4o')).toBeGreaterThan(-1);
      expect(text.indexOf('Llama')).toBeGreaterThan(text.indexOf('GPT-4o'));
      expect(text).toContain('2 models.');
      const bad = await http().get('/api/modelInventory/export?format=pdfx').set(org.auth).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'format', message: 'format must be one of: csv, xlsx, pdf' }]);
    });
  });

  it('loses no history row under 100 concurrent PATCHes of one model', async () => {
    const { body: model } = await create(acme, aModel()).expect(201);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => http().patch(`/api/modelInventory/${model.id}`).set(acme.auth).send({ version: `v${i}` })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const history = await http().get(`/api/model-inventory-change-history/${model.id}?limit=500`).set(acme.auth).expect(200);
    expect(history.body.items.filter((h: { action: string }) => h.action === 'updated')).toHaveLength(100);
    const final = await http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200);
    expect(final.body.version_number).toBe(101);
  });

  it('keeps status snapshots equal to the live counts, and the timeseries ends on them', async () => {
    const org = await registerOrganization(app);
    await Promise.all(['Approved', 'Pending', 'Pending', 'Blocked'].map((status) => create(org, aModel({ status: status as never })).expect(201)));
    const { body: listed } = await http().get('/api/modelInventory?limit=10').set(org.auth).expect(200);
    await http().patch(`/api/modelInventory/${listed.items[0].id}`).set(org.auth).send({ status: 'Restricted' }).expect(200);
    await http().delete(`/api/modelInventory/${listed.items[1].id}`).set(org.auth).expect(204);
    const current = await http().get('/api/modelInventoryHistory/current-counts?parameter=status').set(org.auth).expect(200);
    const series = await http().get('/api/modelInventoryHistory/timeseries?parameter=status&timeframe=7days').set(org.auth).expect(200);
    expect(series.body.points.at(-1).counts).toEqual(current.body.counts);
    const snapshot = await app.get(DataSource).query(
      `SELECT snapshot_data FROM model_inventory_snapshots WHERE organization_id = $1 AND parameter = 'status' ORDER BY recorded_at DESC, id DESC LIMIT 1`,
      [org.organizationId],
    );
    expect(snapshot[0].snapshot_data).toEqual(current.body.counts);
    expect(Object.values(current.body.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(3);
  });
});
