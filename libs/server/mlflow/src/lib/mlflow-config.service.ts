import { Injectable } from '@nestjs/common';
import { FieldError, MLFLOW_TIMEOUT_SECONDS, MlflowConfigResponse, MlflowConfigState, MlflowTestResponse } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { NotFoundError, OutboundHttp, SecretBox, SecretBoxError, ServiceUnavailableError, ValidationFailedError } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { MlflowClient, MlflowConnection } from './client/mlflow-client';
import { MlflowCallError } from './client/mlflow-errors';
import { MlflowConfigDto } from './dto/mlflow-config.dto';
import { MlflowIntegrationEntity } from './entities/mlflow-integration.entity';
import { toMlflowConfigResponse } from './mlflow-config.mapper';
import { MlflowIntegrationsRepository } from './mlflow-integrations.repository';

/** What a connection test or a sync needs to know; changing any of these makes the last test stale. */
const CONNECTION_FIELDS = ['tracking_server_url', 'auth_method', 'username', 'password', 'api_token', 'verify_ssl'] as const;
const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/** The organisation's MLflow connection settings and their test. */
@Injectable()
export class MlflowConfigService {
  constructor(
    private readonly audit: AuditLog,
    private readonly box: SecretBox,
    private readonly dataSource: DataSource,
    private readonly integrations: MlflowIntegrationsRepository,
    private readonly outbound: OutboundHttp,
  ) {}

  async get(): Promise<MlflowConfigState> {
    const row = await this.integrations.findForOrganization();
    return row ? this.present(row) : { configured: false };
  }

  /** Validates everything before writing anything; a blank secret keeps the stored one. */
  put(dto: MlflowConfigDto): Promise<MlflowConfigResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.integrations.findForOrganization(manager, { lock: true });
      this.validate(dto, before);
      const row = before ?? this.integrations.build({}, manager);
      const previous = before ? this.connectionFacts(before) : null;
      row.tracking_server_url = dto.tracking_server_url.replace(/\/+$/, '');
      row.auth_method = dto.auth_method;
      row.verify_ssl = dto.verify_ssl ?? true;
      row.timeout = dto.timeout ?? MLFLOW_TIMEOUT_SECONDS.default;
      row.username_sealed = dto.auth_method === 'basic' ? this.seal(dto.username) : null;
      row.password_sealed = dto.auth_method === 'basic' ? (blank(dto.password) ? (before?.password_sealed ?? null) : this.seal(dto.password)) : null;
      row.api_token_sealed = dto.auth_method === 'token' ? (blank(dto.api_token) ? (before?.api_token_sealed ?? null) : this.seal(dto.api_token)) : null;
      const changed = previous ? this.changedFields(previous, dto) : [...CONNECTION_FIELDS];
      if (changed.length > 0) Object.assign(row, { last_test_status: null, last_test_message: null, last_tested_at: null });
      row.updated_at = new Date();
      const saved = await this.integrations.save(row, manager);
      await this.audit.record(
        'integration.changed',
        { target: { type: 'mlflow_integration', id: saved.id }, details: { integration: 'mlflow', action: before ? 'updated' : 'configured', tracking_server_url: saved.tracking_server_url, auth_method: saved.auth_method, changed_fields: changed } },
        manager,
      );
      return this.present(saved);
    });
  }

  /** Removes the integration; the scheduled sync skips the organisation from then on. Its records stay. */
  async remove(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const removed = await this.integrations.deleteForOrganization(manager);
      if (!removed) throw new NotFoundError('MLflow integration', 'of your organisation');
      await this.audit.record('integration.changed', { target: { type: 'mlflow_integration', id: removed.id }, details: { integration: 'mlflow', action: 'removed', tracking_server_url: removed.tracking_server_url } }, manager);
    });
  }

  /** Calls the Model Registry with the stored settings; the outcome (never a secret) is kept on the integration. */
  async test(): Promise<MlflowTestResponse> {
    const row = await this.requireIntegration();
    const result = await this.probe(row);
    await this.integrations.recordTest(result.success ? 'success' : 'failure', result.message);
    return result;
  }

  async requireIntegration(): Promise<MlflowIntegrationEntity> {
    const row = await this.integrations.findForOrganization();
    if (!row) throw new NotFoundError('MLflow integration', 'of your organisation');
    return row;
  }

  /** The stored settings with their secrets opened, for the client; never logged, never returned. */
  connectionOf(row: MlflowIntegrationEntity): MlflowConnection {
    const auth: MlflowConnection['auth'] =
      row.auth_method === 'basic'
        ? { method: 'basic', username: this.open(row.username_sealed), password: this.open(row.password_sealed) }
        : row.auth_method === 'token'
          ? { method: 'token', token: this.open(row.api_token_sealed) }
          : { method: 'none' };
    return { baseUrl: row.tracking_server_url, auth, verifySsl: row.verify_ssl, timeoutMs: row.timeout * 1000 };
  }

  private async probe(row: MlflowIntegrationEntity): Promise<MlflowTestResponse> {
    try {
      const client = new MlflowClient(this.outbound, this.connectionOf(row), { retries: 0, baseDelayMs: 0, maxDelayMs: 0 });
      await client.get('registered-models/search', { max_results: 1 });
      return { success: true, message: `Connected: the MLflow Model Registry at ${new URL(row.tracking_server_url).host} answered.` };
    } catch (error) {
      if (error instanceof MlflowCallError) return { success: false, message: error.message };
      throw error;
    }
  }

  private validate(dto: MlflowConfigDto, before: MlflowIntegrationEntity | null): void {
    const errors: FieldError[] = [];
    const refusal = this.outbound.refusalOfUrl(dto.tracking_server_url);
    if (refusal) errors.push({ field: 'tracking_server_url', message: `tracking_server_url must not point at ${refusal.replace(/^(\S+) is /, '$1, ')}` });
    else if (/[?#]/.test(dto.tracking_server_url) || new URL(dto.tracking_server_url).username) {
      errors.push({ field: 'tracking_server_url', message: 'tracking_server_url must be a plain http(s) URL (a path prefix is fine; no query, fragment or credentials)' });
    }
    if (dto.auth_method === 'basic') {
      if (blank(dto.username)) errors.push({ field: 'username', message: 'username is required with auth_method basic' });
      if (blank(dto.password) && !before?.password_sealed) errors.push({ field: 'password', message: 'password is required with auth_method basic' });
    }
    if (dto.auth_method === 'token' && blank(dto.api_token) && !before?.api_token_sealed) errors.push({ field: 'api_token', message: 'api_token is required with auth_method token' });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    if (dto.auth_method !== 'none' && !this.box.available) throw new ServiceUnavailableError('Credentials cannot be stored: SECRETS_KEY is not configured on the server.');
  }

  private connectionFacts(row: MlflowIntegrationEntity): Record<(typeof CONNECTION_FIELDS)[number], unknown> {
    return {
      tracking_server_url: row.tracking_server_url,
      auth_method: row.auth_method,
      username: row.username_sealed ? this.open(row.username_sealed) : undefined,
      password: undefined,
      api_token: undefined,
      verify_ssl: row.verify_ssl,
    };
  }

  /** Names only; a new secret counts as a change without saying what it was. */
  private changedFields(previous: Record<(typeof CONNECTION_FIELDS)[number], unknown>, dto: MlflowConfigDto): string[] {
    const next = { tracking_server_url: dto.tracking_server_url.replace(/\/+$/, ''), auth_method: dto.auth_method, username: dto.auth_method === 'basic' ? dto.username : undefined, verify_ssl: dto.verify_ssl ?? true };
    const changed: string[] = Object.entries(next).filter(([field, value]) => previous[field as keyof typeof previous] !== value).map(([field]) => field);
    if (dto.auth_method === 'basic' && !blank(dto.password)) changed.push('password');
    if (dto.auth_method === 'token' && !blank(dto.api_token)) changed.push('api_token');
    return changed;
  }

  private present(row: MlflowIntegrationEntity): MlflowConfigResponse {
    return toMlflowConfigResponse(row, row.username_sealed ? this.open(row.username_sealed) : null);
  }

  private seal(value: string | undefined): string | null {
    return blank(value) ? null : this.box.seal(value as string);
  }

  /** A secret that does not open is a server misconfiguration (another SECRETS_KEY), never garbage sent upstream. */
  private open(sealed: string | null): string {
    if (!sealed) return '';
    try {
      return this.box.open(sealed);
    } catch (error) {
      if (error instanceof SecretBoxError) throw new ServiceUnavailableError(`The stored MLflow credentials cannot be read: ${error.message}.`);
      throw error;
    }
  }
}
