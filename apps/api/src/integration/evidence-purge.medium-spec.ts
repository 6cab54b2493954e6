import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@model-inventory/contracts';
import { EvidenceModule } from '@model-inventory/server-evidence';
import { InventoryModule } from '@model-inventory/server-inventory';
import { addUser, createTestApp, registerOrganization, TestSession, testAppConfig } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';
import { evidenceClient, files } from './evidence-fixtures';

const RETENTION_DAYS = 30;

describe('evidence purge: bytes of deleted evidence leave storage only after the retention period, on an Admin’s word (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;
  let editor: TestSession;
  let auditor: TestSession;
  let client: ReturnType<typeof evidenceClient>;
  const db = () => app.get(DataSource);

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, EvidenceModule], testAppConfig({ EVIDENCE_RETENTION_DAYS: String(RETENTION_DAYS) }));
    client = evidenceClient(app);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    [editor, auditor] = await Promise.all([addUser(app, acme, Role.Editor), addUser(app, acme, Role.Auditor)]);
  });

  afterAll(() => app.close());

  /** Uploads a file, deletes it and moves its deletion `daysAgo` into the past. */
  async function deletedEvidence(session: TestSession, daysAgo: number, bytes = files.pdf()): Promise<{ id: number; key: string; size: number }> {
    const model = await client.model(session);
    const evidence = await client.uploaded(session, model.id, { file: bytes });
    await client.http().delete(`/api/evidence/${evidence.id}`).set(session.auth).expect(204);
    await db().query(`UPDATE model_evidence SET deleted_at = now() - make_interval(days => $2) WHERE id = $1`, [evidence.id, daysAgo]);
    const [{ storage_key }] = await db().query('SELECT storage_key FROM model_evidence WHERE id = $1', [evidence.id]);
    return { id: evidence.id, key: storage_key, size: bytes.length };
  }

  const chunksOf = async (key: string) => Number((await db().query('SELECT count(*) AS n FROM evidence_blobs WHERE storage_key = $1', [key]))[0].n);
  const purgedAt = async (id: number) => (await db().query('SELECT bytes_purged_at FROM model_evidence WHERE id = $1', [id]))[0].bytes_purged_at as Date | null;
  const purge = (session: TestSession, body: object = {}) => client.http().post('/api/evidence/purge').set(session.auth).send(body);

  it('is refused to Editors and Auditors (403), and a body that is not the documented one is a 400 naming the field', async () => {
    await purge(editor).expect(403);
    await purge(auditor).expect(403);
    const refused = await purge(acme, { dry_run: 'yes' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'dry_run' })]);
    const unknown = await purge(acme, { older_than_days: 0 }).expect(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'older_than_days' })]);
  });

  it('purges only the organisation’s evidence deleted before the retention period; live and recently deleted evidence keep their bytes', async () => {
    const old = await deletedEvidence(acme, RETENTION_DAYS + 1, Buffer.concat([files.pdf(), Buffer.alloc(3 * 1024 * 1024, 7)]));
    const recent = await deletedEvidence(acme, RETENTION_DAYS - 1);
    const othersOld = await deletedEvidence(globex, RETENTION_DAYS + 5);
    const liveModel = await client.model(acme);
    const live = await client.uploaded(acme, liveModel.id);

    const preview = await purge(acme, { dry_run: true }).expect(200);
    expect(preview.body).toMatchObject({ dry_run: true, retention_days: RETENTION_DAYS, purged: 1, bytes: old.size, other_backend: 0 });
    expect(new Date(preview.body.deleted_before).getTime()).toBeLessThan(Date.now() - (RETENTION_DAYS - 1) * 86_400_000);
    expect(await chunksOf(old.key)).toBeGreaterThan(1);

    const done = await purge(acme).expect(200);
    expect(done.body).toMatchObject({ dry_run: false, purged: 1, bytes: old.size });
    expect(await chunksOf(old.key)).toBe(0);
    expect(await purgedAt(old.id)).toBeInstanceOf(Date);
    expect(await chunksOf(recent.key)).toBeGreaterThan(0);
    expect(await purgedAt(recent.id)).toBeNull();
    expect(await chunksOf(othersOld.key)).toBeGreaterThan(0);
    expect((await client.download(acme, live.id).expect(200)).body).toEqual(files.pdf());

    const again = await purge(acme).expect(200);
    expect(again.body).toMatchObject({ purged: 0, bytes: 0 });
  });

  it('leaves the row for the audit trail, with a trail row naming who purged, and one security-log entry per purge', async () => {
    const old = await deletedEvidence(acme, RETENTION_DAYS + 10);
    await purge(acme).expect(200);
    const trail = await db().query(
      `SELECT action, field_name, new_value, changed_by_user_id FROM change_history WHERE entity_type = 'evidence' AND entity_id = $1 ORDER BY id`,
      [old.id],
    );
    expect(trail.map((row: { field_name: string }) => row.field_name)).toEqual(expect.arrayContaining(['bytes_purged_at']));
    expect(trail.find((row: { field_name: string }) => row.field_name === 'bytes_purged_at')).toMatchObject({ action: 'updated', new_value: 'purged', changed_by_user_id: acme.user.id });
    const [row] = await db().query('SELECT filename, sha256, deleted_at FROM model_evidence WHERE id = $1', [old.id]);
    expect(row).toMatchObject({ filename: 'report.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const log = await db().query(`SELECT actor_user_id, details FROM audit_events WHERE organization_id = $1 AND action = 'evidence.purged' ORDER BY id DESC LIMIT 1`, [acme.organizationId]);
    expect(log[0]).toMatchObject({ actor_user_id: acme.user.id, details: { files: 1, bytes: old.size, retention_days: RETENTION_DAYS } });
    await client.http().get(`/api/evidence/${old.id}`).set(acme.auth).expect(404);
  });
});
