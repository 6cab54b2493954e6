import { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@model-inventory/contracts';
import { EvidenceModule } from '@model-inventory/server-evidence';
import { InventoryModule } from '@model-inventory/server-inventory';
import { addUser, createTestApp, registerOrganization, TestSession, testAppConfig } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';
import { BodyWriter, evidenceClient, evidenceWrites, files, multipart, rawPost, sha256 } from './evidence-fixtures';

const MAX_BYTES = 3 * 1024 * 1024;

describe('evidence files: checked on the way in, streamed, downloaded, removed, in the model’s trail (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;
  let auditor: TestSession;
  let editor: TestSession;
  let client: ReturnType<typeof evidenceClient>;
  let modelId: number;

  beforeAll(async () => {
    app = await createTestApp([InventoryModule, EvidenceModule], testAppConfig({ EVIDENCE_MAX_BYTES: String(MAX_BYTES) }));
    client = evidenceClient(app);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    [auditor, editor] = await Promise.all([addUser(app, acme, Role.Auditor), addUser(app, acme, Role.Editor)]);
    modelId = (await client.model(acme)).id;
  });

  afterAll(() => app.close());

  /** Runs a refused upload and checks that nothing at all was stored. */
  async function expectNothingStored<T>(call: () => Promise<T>): Promise<T> {
    const before = await evidenceWrites(app, acme.organizationId);
    const response = await call();
    expect(await evidenceWrites(app, acme.organizationId)).toEqual(before);
    return response;
  }

  describe('accepted files', () => {
    it.each([
      ['a PDF', files.pdf, 'assessment.pdf', 'application/pdf'],
      ['a PNG', files.png, 'diagram.png', 'image/png'],
      ['a JPEG', files.jpeg, 'photo.jpg', 'image/jpeg'],
      ['a DOCX', files.docx, 'dpia.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['an ODT', files.odt, 'card.odt', 'application/vnd.oasis.opendocument.text'],
      ['a CSV', files.csv, 'metrics.csv', 'text/csv'],
      ['Markdown', files.markdown, 'card.md', 'text/markdown'],
    ])('accepts %s, typed by its content, with its size and sha256', async (_kind, make, filename, mimetype) => {
      const bytes = await make();
      const response = await client.upload(acme, modelId, { file: bytes, filename, contentType: 'application/octet-stream', fields: { evidence_type: 'Model Card', description: 'Q3 review' } });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        model_id: modelId,
        model: { id: modelId, provider: 'OpenAI', model: 'GPT-4', version: '1.0' },
        filename,
        size: bytes.length,
        mimetype,
        sha256: sha256(bytes),
        evidence_type: 'Model Card',
        description: 'Q3 review',
        expiry_date: null,
        expiry_status: 'none',
        uploaded_by: { id: acme.user.id, name: acme.user.name, email: acme.user.email },
      });
    });

    it('types a file by its content, not by its name or declared type (a PDF sent as notes.txt, text/plain)', async () => {
      const evidence = await client.uploaded(acme, modelId, { file: files.pdf(), filename: 'notes.txt', contentType: 'text/plain' });
      expect(evidence.mimetype).toBe('application/pdf');
    });

    it('keeps the filename for display only: no path parts, control or bidi characters, and a bounded length with its extension', async () => {
      const tricky = await client.uploaded(acme, modelId, { filename: '../../etc/report\u202Efdp.pdf' });
      expect(tricky.filename).toBe('reportfdp.pdf');
      const windows = await client.uploaded(acme, modelId, { filename: 'C:\\Users\\me\\Desktop\\audit.pdf' });
      expect(windows.filename).toBe('audit.pdf');
      const long = await client.uploaded(acme, modelId, { filename: `${'a'.repeat(400)}.pdf` });
      expect(long.filename).toHaveLength(200);
      expect(long.filename.endsWith('.pdf')).toBe(true);
    });
  });

  describe('refused files leave nothing stored', () => {
    it.each([
      ['a renamed Linux executable (ELF)', files.elf, 'report.pdf', 'application/pdf', 'application/x-elf'],
      ['a renamed Windows executable (PE)', files.pe, 'assessment.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/x-msdownload'],
      ['a plain zip named like an Office file', files.plainZip, 'dpia.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
    ])('refuses %s with 415 naming what its content is', async (_kind, make, filename, contentType, detected) => {
      const file = await make();
      const response = await expectNothingStored(() => client.upload(acme, modelId, { file, filename, contentType }));
      expect(response.status).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toContain(detected);
    });

    it.each([
      ['HTML sent as text', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'notes.txt', /markup/],
      ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'chart.svg', /markup/],
      ['text with a NUL byte', Buffer.from('name,score\n\0alpha,1\n'), 'scores.csv', /unknown binary data/],
      ['bytes that are not UTF-8', Buffer.from([0x41, 0xc3, 0x28, 0x42, 0xff, 0xfe]), 'notes.txt', /unknown binary data/],
    ])('refuses %s with 415', async (_kind, file, filename, detail) => {
      const response = await expectNothingStored(() => client.upload(acme, modelId, { file, filename, contentType: 'text/plain' }));
      expect(response.status).toBe(415);
      expect(response.body.detail).toMatch(detail);
    });

    /** The start of a multipart upload whose file part goes on for as long as `writeFile` writes. */
    const bigUpload = (writeFile: BodyWriter) => {
      const boundary = 'size-limit-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="evidence_type"\r\n\r\nOther\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      );
      const headers = { ...acme.auth, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' };
      return rawPost(app, `/api/modelInventory/${modelId}/evidence`, headers, async (write, answered) => {
        write(head);
        await writeFile(write, answered);
      });
    };
    const line = Buffer.from('a,b,c,d,e,f,g,h\n'.repeat(4096));

    it('refuses a file over EVIDENCE_MAX_BYTES with 413 while it streams (the client has not finished sending)', async () => {
      let sent = 0;
      const response = await expectNothingStored(() =>
        bigUpload(async (write, answered) => {
          while (!answered() && sent < 40 * MAX_BYTES) {
            sent += line.length;
            if (!write(line)) await new Promise((resolve) => setTimeout(resolve, 2));
          }
        }),
      );
      expect(response.status).toBe(413);
      expect(response.body.detail).toContain(String(MAX_BYTES));
      expect(sent).toBeLessThan(40 * MAX_BYTES);
    });

    it('cuts off a client that keeps sending after the 413, instead of reading its upload to the end', async () => {
      let stop = false;
      const response = await bigUpload(async (write) => {
        const deadline = Date.now() + 20_000;
        while (!stop && Date.now() < deadline) {
          if (!write(line)) await new Promise((resolve) => setTimeout(resolve, 2));
        }
      });
      expect(response.status).toBe(413);
      const answeredAt = Date.now();
      await response.closed;
      stop = true;
      expect(Date.now() - answeredAt).toBeLessThan(10_000);
    });

    it('accepts a file of exactly EVIDENCE_MAX_BYTES (the limit is inclusive), stored in several chunks', async () => {
      const bytes = Buffer.alloc(MAX_BYTES, 'x');
      const evidence = await client.uploaded(acme, modelId, { file: bytes, filename: 'exactly.txt', contentType: 'text/plain' });
      expect(evidence).toMatchObject({ size: MAX_BYTES, mimetype: 'text/plain', sha256: sha256(bytes) });
    });
  });

  describe('malformed uploads are a 400 naming the field, never a 500, and store nothing', () => {
    const path = () => `/api/modelInventory/${modelId}/evidence`;
    const post = (headers: Record<string, string>, body: Buffer) => expectNothingStored(() => rawPost(app, path(), { ...acme.auth, ...headers }, body));
    const fieldsOf = (body: Record<string, unknown>) => (body['errors'] as Array<{ field: string }>).map((e) => e.field);

    it('refuses a JSON body and a multipart content type without a boundary (field body)', async () => {
      const json = await post({ 'Content-Type': 'application/json' }, Buffer.from('{"evidence_type":"Other"}'));
      expect([json.status, fieldsOf(json.body)]).toEqual([400, ['body']]);
      const noBoundary = await post({ 'Content-Type': 'multipart/form-data' }, multipart('x', [{ name: 'file', value: files.pdf(), filename: 'a.pdf' }]));
      expect([noBoundary.status, fieldsOf(noBoundary.body)]).toEqual([400, ['body']]);
    });

    it('refuses a truncated body (the file part never ends)', async () => {
      const body = multipart('cut', [{ name: 'evidence_type', value: 'Other' }, { name: 'file', value: files.pdf(), filename: 'a.pdf', type: 'application/pdf' }], { close: false });
      const response = await post({ 'Content-Type': 'multipart/form-data; boundary=cut' }, body.subarray(0, body.length - 10));
      expect([response.status, fieldsOf(response.body)]).toEqual([400, ['body']]);
    });

    it.each([
      ['two files', [{ name: 'file', value: files.pdf(), filename: 'a.pdf' }, { name: 'file', value: files.pdf(), filename: 'b.pdf' }, { name: 'evidence_type', value: 'Other' }], 'file'],
      ['no file', [{ name: 'evidence_type', value: 'Other' }], 'file'],
      ['a huge field', [{ name: 'evidence_type', value: 'Other' }, { name: 'description', value: 'x'.repeat(20_000) }, { name: 'file', value: files.pdf(), filename: 'a.pdf' }], 'description'],
      ['an unknown evidence_type', [{ name: 'evidence_type', value: 'Horoscope' }, { name: 'file', value: files.pdf(), filename: 'a.pdf' }], 'evidence_type'],
      ['no evidence_type', [{ name: 'file', value: files.pdf(), filename: 'a.pdf' }], 'evidence_type'],
      ['an expiry_date that is not a date', [{ name: 'evidence_type', value: 'Other' }, { name: 'expiry_date', value: '2027-02-30' }, { name: 'file', value: files.pdf(), filename: 'a.pdf' }], 'expiry_date'],
      ['an unknown field', [{ name: 'evidence_type', value: 'Other' }, { name: 'owner', value: 'me' }, { name: 'file', value: files.pdf(), filename: 'a.pdf' }], 'owner'],
    ])('refuses %s', async (_case, parts, field) => {
      const response = await post({ 'Content-Type': 'multipart/form-data; boundary=form' }, multipart('form', parts));
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    });
  });

  describe('download, metadata and delete', () => {
    it('downloads the very bytes uploaded (sha256 equal), with the stored type, as an attachment that is never sniffed', async () => {
      const bytes = Buffer.concat([files.png(), Buffer.alloc(2 * 1024 * 1024 + 123, 7)]);
      const evidence = await client.uploaded(acme, modelId, { file: bytes, filename: 'Résumé final.png', contentType: 'image/png' });
      const response = await client.download(acme, evidence.id).expect(200);
      expect(sha256(response.body as Buffer)).toBe(evidence.sha256);
      expect(evidence.sha256).toBe(sha256(bytes));
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-length']).toBe(String(bytes.length));
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="R_sum_ final.png"; filename*=UTF-8''R%C3%A9sum%C3%A9%20final.png`);
    });

    it('shows metadata with the uploader', async () => {
      const evidence = await client.uploaded(editor, modelId, { fields: { evidence_type: 'DPIA', expiry_date: '2099-01-31' } });
      const { body } = await client.http().get(`/api/evidence/${evidence.id}`).set(auditor.auth).expect(200);
      expect(body).toMatchObject({ id: evidence.id, evidence_type: 'DPIA', expiry_date: '2099-01-31', expiry_status: 'valid', uploaded_by: { id: editor.user.id, name: editor.user.name, email: editor.user.email } });
    });

    it('deletes with 204: gone from the model, the hub and every route (404), while the row and bytes stay', async () => {
      const model = await client.model(acme);
      const evidence = await client.uploaded(acme, model.id);
      await client.http().delete(`/api/evidence/${evidence.id}`).set(acme.auth).expect(204);
      await client.http().get(`/api/evidence/${evidence.id}`).set(acme.auth).expect(404);
      await client.download(acme, evidence.id).expect(404);
      await client.http().delete(`/api/evidence/${evidence.id}`).set(acme.auth).expect(404);
      const hub = await client.http().get(`/api/evidence?model_id=${model.id}`).set(acme.auth).expect(200);
      expect(hub.body.total).toBe(0);
      expect((await client.http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200)).body.security_assessment_data).toEqual([]);
      const [kept] = await app.get(DataSource).query(
        `SELECT e.deleted_at IS NOT NULL AS deleted, e.deleted_by_user_id, (SELECT count(*) FROM evidence_blobs b WHERE b.storage_key = e.storage_key)::int AS chunks FROM model_evidence e WHERE e.id = $1`,
        [evidence.id],
      );
      expect(kept).toEqual({ deleted: true, deleted_by_user_id: acme.user.id, chunks: 1 });
    });
  });

  describe('the model: security_assessment_data and its change history', () => {
    it('lists the live evidence in the seed’s shape, on the model and in the register, and leaves the security_assessment flag alone', async () => {
      const model = await client.model(acme, { security_assessment: false });
      const first = await client.uploaded(acme, model.id, { filename: 'first.pdf' });
      const second = await client.uploaded(editor, model.id, { file: files.png(), filename: 'second.png' });
      const seed = (e: typeof first) => ({ id: e.id, filename: e.filename, size: e.size, mimetype: e.mimetype, upload_date: e.upload_date, uploaded_by: e.uploaded_by.id });
      const { body } = await client.http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200);
      expect(body.security_assessment_data).toEqual([seed(first), seed(second)]);
      expect(body.security_assessment).toBe(false);
      const list = await client.http().get('/api/modelInventory?limit=500').set(acme.auth).expect(200);
      expect(list.body.items.find((m: { id: number }) => m.id === model.id).security_assessment_data).toEqual([seed(first), seed(second)]);
      await client.http().delete(`/api/evidence/${first.id}`).set(acme.auth).expect(204);
      expect((await client.http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200)).body.security_assessment_data).toEqual([seed(second)]);
    });

    it('keeps every one of several uploads made at the same time to one model', async () => {
      const model = await client.model(acme);
      const uploads = await Promise.all([1, 2, 3, 4, 5].map((n) => client.uploaded(n % 2 ? acme : editor, model.id, { filename: `parallel-${n}.pdf` })));
      const { body } = await client.http().get(`/api/modelInventory/${model.id}`).set(acme.auth).expect(200);
      expect(body.security_assessment_data.map((file: { id: number }) => file.id).sort()).toEqual(uploads.map((e) => e.id).sort());
      expect((await client.modelHistory(acme, model.id)).filter((row) => row.field_name === 'evidence_added')).toHaveLength(5);
    });

    it('writes "evidence added" and "evidence removed" rows, with the filename and type, into the model’s history', async () => {
      const model = await client.model(acme);
      const evidence = await client.uploaded(acme, model.id, { filename: 'pen-test.pdf', fields: { evidence_type: 'Third-party Audit' } });
      await client.http().delete(`/api/evidence/${evidence.id}`).set(acme.auth).expect(204);
      const rows = (await client.modelHistory(acme, model.id)).filter((row) => row.field_name.startsWith('evidence_'));
      expect(rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'updated', field_name: 'evidence_added', old_value: null, new_value: 'pen-test.pdf (Third-party Audit)' }),
          expect.objectContaining({ action: 'updated', field_name: 'evidence_removed', old_value: 'pen-test.pdf (Third-party Audit)', new_value: null }),
        ]),
      );
      expect(rows).toHaveLength(2);
    });

    it('soft-deletes a model’s evidence with the model', async () => {
      const model = await client.model(acme);
      const evidence = await client.uploaded(acme, model.id);
      await client.http().delete(`/api/modelInventory/${model.id}`).set(acme.auth).expect(204);
      await client.http().get(`/api/evidence/${evidence.id}`).set(acme.auth).expect(404);
    });
  });

  describe('tenancy and roles', () => {
    it('answers another organisation 404 on every evidence route, and its hub does not show the evidence', async () => {
      const evidence = await client.uploaded(acme, modelId);
      const refused = await expectNothingStored(() => client.upload(globex, modelId));
      expect(refused.status).toBe(404);
      await client.http().get(`/api/evidence/${evidence.id}`).set(globex.auth).expect(404);
      await client.download(globex, evidence.id).expect(404);
      await client.http().delete(`/api/evidence/${evidence.id}`).set(globex.auth).expect(404);
      expect((await client.http().get('/api/evidence').set(globex.auth).expect(200)).body.total).toBe(0);
      await client.http().get(`/api/evidence/${evidence.id}`).set(acme.auth).expect(200);
    });

    it('lets an Auditor read and download, but not upload (403) or delete (403)', async () => {
      const evidence = await client.uploaded(acme, modelId);
      const upload = await expectNothingStored(() => client.upload(auditor, modelId));
      expect(upload.status).toBe(403);
      await client.http().delete(`/api/evidence/${evidence.id}`).set(auditor.auth).expect(403);
      await client.http().get(`/api/evidence/${evidence.id}`).set(auditor.auth).expect(200);
      expect(sha256((await client.download(auditor, evidence.id).expect(200)).body as Buffer)).toBe(evidence.sha256);
    });

    it('lets an Editor and a Reviewer upload and delete', async () => {
      const reviewer = await addUser(app, acme, Role.Reviewer);
      const byEditor = await client.uploaded(editor, modelId);
      const byReviewer = await client.uploaded(reviewer, modelId);
      await client.http().delete(`/api/evidence/${byEditor.id}`).set(reviewer.auth).expect(204);
      await client.http().delete(`/api/evidence/${byReviewer.id}`).set(editor.auth).expect(204);
    });

    it('answers 404 for an upload to an unknown model and 400 naming id for a malformed one', async () => {
      expect((await client.upload(acme, 999_999)).status).toBe(404);
      const response = await client.http().post('/api/modelInventory/abc/evidence').set(acme.auth).attach('file', files.pdf(), 'a.pdf');
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('id');
    });
  });
});
