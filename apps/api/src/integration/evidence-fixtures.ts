import { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceResponse } from '@model-inventory/contracts';
import { TestSession } from '@model-inventory/server-testing';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aModel } from './inventory-fixtures';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Tiny but real files of each kind, made here so the tests show what they are. */
export const files = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  png: () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 1)]),
  csv: () => Buffer.from('metric,value\naccuracy,0.93\nfairness gap,0.02\n'),
  markdown: () => Buffer.from('# Model card\n\nÉvaluation: **passed** ✓\n'),
  /** An ELF executable's header: what a renamed Linux binary starts with. */
  elf: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]),
  /** A Windows executable's header (MZ … PE). */
  pe: () => {
    const bytes = Buffer.alloc(256, 0);
    bytes.write('MZ', 0, 'latin1');
    bytes.writeUInt32LE(0x80, 0x3c);
    bytes.write('PE\0\0', 0x80, 'latin1');
    return bytes;
  },
  docx: () =>
    zip({
      '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml':
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>DPIA</w:t></w:r></w:p></w:body></w:document>',
    }),
  odt: () => zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<manifest:manifest/>' }),
  /** A zip of documents that is not an Office file. */
  plainZip: () => zip({ 'notes.txt': 'not an office document', 'report.pdf': '%PDF-1.4' }),
};

async function zip(entries: Record<string, string>): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(entries)) archive.file(name, content, { compression: name === 'mimetype' ? 'STORE' : 'DEFLATE' });
  return archive.generateAsync({ type: 'nodebuffer' });
}

export interface UploadInput {
  file?: Buffer;
  filename?: string;
  contentType?: string;
  fields?: Record<string, string>;
}

/** HTTP helpers for evidence. */
export function evidenceClient(app: NestExpressApplication) {
  const http = () => request(app.getHttpServer());
  return {
    http,
    async model(session: TestSession, overrides = {}): Promise<{ id: number }> {
      return (await http().post('/api/modelInventory').set(session.auth).send(aModel(overrides)).expect(201)).body;
    },
    upload(session: TestSession, modelId: number, { file = files.pdf(), filename = 'report.pdf', contentType = 'application/pdf', fields = { evidence_type: 'Security Assessment Report' } }: UploadInput = {}) {
      let call = http().post(`/api/modelInventory/${modelId}/evidence`).set(session.auth);
      for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
      return call.attach('file', file, { filename, contentType });
    },
    async uploaded(session: TestSession, modelId: number, input: UploadInput = {}): Promise<EvidenceResponse> {
      const response = await this.upload(session, modelId, input);
      if (response.status !== 201) throw new Error(`upload refused: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    /** The download's bytes, read raw. */
    download(session: TestSession, id: number) {
      return http()
        .get(`/api/evidence/${id}/download`)
        .set(session.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    },
    async modelHistory(session: TestSession, modelId: number): Promise<Array<{ action: string; field_name: string; old_value: string | null; new_value: string | null }>> {
      return (await http().get(`/api/model-inventory-change-history/${modelId}?limit=100`).set(session.auth).expect(200)).body.items;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  body: Record<string, unknown>;
  /** Settles when the connection closes (or the request ends). */
  closed: Promise<void>;
}

/** Writes the body piece by piece; `answered()` turns true once the response has arrived. */
export type BodyWriter = (write: (chunk: Buffer) => boolean, answered: () => boolean) => Promise<void>;

/** Sends `body` as it is, without a client library fixing it up; resolves with the response, even if the server stops reading early. */
export async function rawPost(app: NestExpressApplication, path: string, headers: Record<string, string>, body: Buffer | BodyWriter): Promise<RawResponse> {
  const server = app.getHttpServer();
  if (!server.address()) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let answered = false;
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {}, closed });
      });
    });
    const closed = new Promise<void>((resolve) => req.on('close', resolve));
    req.on('error', (error) => (['EPIPE', 'ECONNRESET'].includes((error as NodeJS.ErrnoException).code ?? '') && answered ? undefined : reject(error)));
    if (Buffer.isBuffer(body)) req.end(body);
    else
      body(
        (chunk) => !req.destroyed && req.write(chunk),
        () => answered,
      ).then(
        () => req.end(),
        () => req.destroy(),
      );
  });
}

/** A multipart body built by hand, so tests can break it on purpose. */
export function multipart(boundary: string, parts: Array<{ name: string; value: string | Buffer; filename?: string; type?: string }>, { close = true } = {}): Buffer {
  const chunks = parts.flatMap(({ name, value, filename, type }) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`),
    Buffer.isBuffer(value) ? value : Buffer.from(value),
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(close ? `--${boundary}--\r\n` : '')]);
}

/** Rows an evidence write leaves: evidence rows, stored chunks, history rows, for "nothing was stored" checks. */
export async function evidenceWrites(app: NestExpressApplication, organizationId: number) {
  const [row] = await app.get(DataSource).query(
    `SELECT (SELECT count(*) FROM model_evidence WHERE organization_id = $1)::int AS evidence,
            (SELECT count(*) FROM evidence_blobs)::int AS chunks,
            (SELECT count(*) FROM change_history WHERE organization_id = $1 AND (entity_type = 'evidence' OR field_name LIKE 'evidence_%'))::int AS history`,
    [organizationId],
  );
  return row as { evidence: number; chunks: number; history: number };
}
