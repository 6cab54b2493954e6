import { Injectable } from '@nestjs/common';
import { FieldError, MlflowModelRecordResponse, ModelStatus, Page } from '@model-inventory/contracts';
import { ConflictError, NotFoundError, RequestContext, ValidationFailedError } from '@model-inventory/server-core';
import { InventoryService } from '@model-inventory/server-inventory';

type NewInventoryModel = Parameters<InventoryService['create']>[0];
import { DataSource } from 'typeorm';
import { ListMlflowModelsDto, MlflowImportDto } from './dto/mlflow-records.dto';
import { MlflowIntegrationsRepository } from './mlflow-integrations.repository';
import { mlflowVersionUrl, toMlflowModelRecordResponse } from './mlflow-records.mapper';
import { MlflowRecordsRepository } from './mlflow-records.repository';

const tagText = (tags: Record<string, string>, key: string) => (tags[key]?.trim() ? tags[key].trim() : undefined);

/** The synced records, and their import into the model register. */
@Injectable()
export class MlflowRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly integrations: MlflowIntegrationsRepository,
    private readonly inventory: InventoryService,
    private readonly records: MlflowRecordsRepository,
  ) {}

  async list(query: ListMlflowModelsDto): Promise<Page<MlflowModelRecordResponse>> {
    const [{ rows, total }, url] = await Promise.all([this.records.findPage(query, query.limit, query.offset), this.trackingUrl()]);
    return { items: rows.map((row) => toMlflowModelRecordResponse(row, url)), total, limit: query.limit, offset: query.offset };
  }

  async get(id: number): Promise<MlflowModelRecordResponse> {
    const [row, url] = await Promise.all([this.records.findRow(id), this.trackingUrl()]);
    if (!row) throw new NotFoundError('MLflow model record', id);
    return toMlflowModelRecordResponse(row, url);
  }

  /**
   * Creates a Pending model in the register from the record (provider "MLflow", the registered model's name and
   * the version, a link to the version in MLflow; capabilities, biases and limitations from the tags of the same
   * names when the body leaves them out) and links the record to it.
   */
  async import(id: number, dto: MlflowImportDto): Promise<MlflowModelRecordResponse> {
    const row = await this.records.findRow(id);
    if (!row) throw new NotFoundError('MLflow model record', id);
    if (row.inventory_model_id !== null) throw new ConflictError(`MLflow model record ${id} is already in the register as model ${row.inventory_model_id}.`);
    const tags = { ...row.model_tags, ...row.tags };
    const capabilities = dto.capabilities ?? tagText(tags, 'capabilities')?.split(',').map((c) => c.trim()).filter(Boolean);
    const biases = dto.biases ?? tagText(tags, 'biases');
    const limitations = dto.limitations ?? tagText(tags, 'limitations');
    const missing: FieldError[] = [];
    if (!capabilities?.length) missing.push({ field: 'capabilities', message: 'capabilities is required (the MLflow model has no capabilities tag)' });
    if (!biases) missing.push({ field: 'biases', message: 'biases is required (the MLflow model has no biases tag)' });
    if (!limitations) missing.push({ field: 'limitations', message: 'limitations is required (the MLflow model has no limitations tag)' });
    if (missing.length > 0) throw new ValidationFailedError(missing);
    const url = await this.trackingUrl();
    const created = await this.inventory.create(
      {
        provider: 'MLflow',
        model: row.model_name.slice(0, 200),
        version: row.version,
        approver: dto.approver,
        capabilities,
        status: ModelStatus.PENDING,
        status_date: dto.status_date,
        reference_link: mlflowVersionUrl(url, row.model_name, row.version) ?? 'https://mlflow.org',
        biases,
        limitations,
        hosting_provider: dto.hosting_provider,
        projects: dto.projects,
        frameworks: dto.frameworks,
      } as NewInventoryModel,
    );
    await this.dataSource.query(`UPDATE mlflow_model_records SET inventory_model_id = $1, updated_at = now() WHERE id = $2 AND organization_id = $3`, [
      created.id,
      id,
      RequestContext.requireActor().organizationId,
    ]);
    return this.get(id);
  }

  private async trackingUrl(): Promise<string | null> {
    return (await this.integrations.findForOrganization())?.tracking_server_url ?? null;
  }
}
