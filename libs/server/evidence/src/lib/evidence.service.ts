import { Inject, Injectable } from '@nestjs/common';
import { EvidenceResponse, Page } from '@model-inventory/contracts';
import { APP_CONFIG, AppConfig, InputValidationPipe, NotFoundError, PartRef, RequestContext, Sql, sql, ValidationFailedError, WriteStatement } from '@model-inventory/server-core';
import { AuditedWriter } from '@model-inventory/server-history';
import { InventoryRepository } from '@model-inventory/server-inventory';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ListEvidenceDto } from './dto/evidence-query.dto';
import { UploadEvidenceFieldsDto } from './dto/upload-evidence.dto';
import { EVIDENCE_ENTITY, evidenceLabel, MODEL_EVIDENCE_TRAIL } from './evidence-audit';
import { addAssessmentDataRefresh, addEvidenceInsert, addEvidenceSoftDelete } from './evidence-statements';
import { EvidenceRow, todayUtc, toEvidenceResponse } from './evidence.mapper';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceStorage } from './storage/evidence-storage';
import { EvidenceStores } from './storage/evidence-stores';
import { ContentInspector, InspectedContent } from './upload/content-inspector';
import { sanitizeFilename } from './upload/filename';
import { cutOffUnreadBody, receiveUpload, ReceivedUpload } from './upload/multipart-upload';

/** The written evidence with its model and uploader, for the response. */
const writtenEvidenceRow = (written: PartRef): Sql =>
  sql`SELECT w.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version, u.name AS uploader_name, u.email AS uploader_email
        FROM ${written} w JOIN model_inventories m ON m.id = w.model_id LEFT JOIN users u ON u.id = w.uploaded_by_user_id`;

interface StoredFile {
  filename: string;
  content: InspectedContent;
}

/** Evidence files: checked and stored as they stream in, listed, downloaded and soft-deleted, each change in the model's trail. */
@Injectable()
export class EvidenceService {
  private readonly fieldsPipe = new InputValidationPipe();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly evidence: EvidenceRepository,
    private readonly models: InventoryRepository,
    private readonly stores: EvidenceStores,
    private readonly writer: AuditedWriter,
  ) {}

  private get warningDays(): number {
    return this.config.evidence.expiryWarningDays;
  }

  async list(query: ListEvidenceDto): Promise<Page<EvidenceResponse>> {
    const { rows, total } = await this.evidence.findPage(query, query.limit, query.offset, todayUtc());
    return { items: rows.map((row) => toEvidenceResponse(row, this.warningDays)), total, limit: query.limit, offset: query.offset };
  }

  async get(id: number): Promise<EvidenceResponse> {
    return toEvidenceResponse(await this.liveOrFail(id), this.warningDays);
  }

  /** The row and its bytes as a stream, for the download. */
  async open(id: number): Promise<{ evidence: EvidenceResponse; bytes: Readable }> {
    const row = await this.liveOrFail(id);
    return { evidence: toEvidenceResponse(row, this.warningDays), bytes: await this.stores.of(row.storage_backend).read(row.storage_key) };
  }

  /**
   * Streams the upload into storage while checking it (size, content type, hash); then, in one transaction with the
   * model locked, writes the evidence, its history, the model's "evidence added" row and its refreshed
   * `security_assessment_data`. A refusal at any point leaves nothing stored.
   */
  async upload(modelId: number, req: Request): Promise<EvidenceResponse> {
    if (!(await this.models.findWithLinks(modelId))) {
      cutOffUnreadBody(req);
      throw new NotFoundError('Model', modelId);
    }
    const key = randomUUID();
    const storage = this.stores.current;
    const received = await receiveUpload<InspectedContent>(req, async (stream, rawName) => {
      const inspector = new ContentInspector(this.config.evidence.maxBytes, sanitizeFilename(rawName));
      await storage.write(key, inspector.inspect(stream));
      return inspector.inspected();
    });
    try {
      const { fields, file } = await this.validUpload(received);
      return await this.record(modelId, storage.backend, key, { filename: sanitizeFilename(file.filename), content: file.stored }, fields);
    } catch (error) {
      if (received.file) await storage.remove(key);
      throw error;
    }
  }

  /** Soft delete: gone from the model, the hub and every route; the row and bytes stay for the audit trail. */
  remove(id: number): Promise<void> {
    return this.writer.transaction(async (manager, write) => {
      const before = await this.evidence.findLive(id, manager, true);
      if (!before) throw new NotFoundError('Evidence', id);
      const statement = WriteStatement.forActor();
      const subject = addEvidenceSoftDelete(statement, id, RequestContext.requireActor().userId);
      const model = addAssessmentDataRefresh(statement, before.model_id, subject, 'removed');
      const note = { field_name: 'evidence_removed', old_value: evidenceLabel(before), new_value: null };
      await write(statement, [
        { entity: EVIDENCE_ENTITY, action: 'deleted', subject, before: null, after: null, notes: [{ field_name: 'deleted_at', old_value: null, new_value: 'deleted' }] },
        { entity: MODEL_EVIDENCE_TRAIL, action: 'updated', subject: model, before: null, after: null, notes: [note] },
      ]);
    });
  }

  private record(modelId: number, backend: EvidenceStorage['backend'], key: string, file: StoredFile, fields: UploadEvidenceFieldsDto): Promise<EvidenceResponse> {
    return this.writer.transaction(async (manager, write) => {
      // Locked, so concurrent uploads to one model rebuild its security_assessment_data one after the other.
      if (!(await this.models.findWithLinks(modelId, { manager, lock: true }))) throw new NotFoundError('Model', modelId);
      const columns = {
        model_id: modelId,
        storage_backend: backend,
        storage_key: key,
        filename: file.filename,
        size: file.content.size,
        mimetype: file.content.mimetype,
        sha256: file.content.sha256,
        evidence_type: fields.evidence_type,
        description: fields.description || null,
        expiry_date: fields.expiry_date ?? null,
        uploaded_by_user_id: RequestContext.requireActor().userId,
      };
      const statement = WriteStatement.forActor();
      const subject = addEvidenceInsert(statement, columns);
      const model = addAssessmentDataRefresh(statement, modelId, subject, 'added');
      const note = { field_name: 'evidence_added', old_value: null, new_value: evidenceLabel(columns) };
      const row = await write(
        statement,
        [
          { entity: EVIDENCE_ENTITY, action: 'created', subject, before: null, after: { ...columns, expiry_state: 'current' } },
          { entity: MODEL_EVIDENCE_TRAIL, action: 'updated', subject: model, before: null, after: null, notes: [note] },
        ],
        writtenEvidenceRow(subject),
      );
      if (!row) throw new NotFoundError('Model', modelId);
      return toEvidenceResponse(row as unknown as EvidenceRow, this.warningDays);
    });
  }

  /** The form's fields as a validated DTO, and its file; every problem (fields, a missing or second file) in one 400. */
  private async validUpload(received: ReceivedUpload<InspectedContent>): Promise<{ fields: UploadEvidenceFieldsDto; file: NonNullable<ReceivedUpload<InspectedContent>['file']> }> {
    const problems = [...received.problems];
    if (!received.file) problems.push({ field: 'file', message: 'file is required: send the document as the multipart part `file`' });
    let fields: UploadEvidenceFieldsDto | undefined;
    try {
      fields = (await this.fieldsPipe.transform(received.fields, { type: 'body', metatype: UploadEvidenceFieldsDto })) as UploadEvidenceFieldsDto;
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      problems.push(...error.errors);
    }
    if (problems.length > 0 || !fields || !received.file) throw new ValidationFailedError(problems);
    return { fields, file: received.file };
  }

  private async liveOrFail(id: number): Promise<EvidenceRow> {
    const row = await this.evidence.findLive(id);
    if (!row) throw new NotFoundError('Evidence', id);
    return row;
  }
}
