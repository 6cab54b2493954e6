import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { MlflowSyncCounts } from '@model-inventory/contracts';
import { AutomationEvents } from '@model-inventory/server-automation';
import { OutboundHttp, RequestContext, sql, WriteStatement } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { DEFAULT_RETRY, MlflowClient, RetryPolicy } from '../client/mlflow-client';
import { MlflowCallError } from '../client/mlflow-errors';
import { WireModelVersion, WireRegisteredModel, WireRun } from '../client/mlflow-wire';
import { MlflowConfigService } from '../mlflow-config.service';
import { MlflowIntegrationsRepository, SyncOutcome } from '../mlflow-integrations.repository';
import { MlflowRecordsRepository, RecordToWrite } from '../mlflow-records.repository';
import { LINEAGE_UNAVAILABLE, ModelFacts, modelFactsOf, NO_RUN, RunColumns, runColumns, VersionColumns, versionColumns } from './record-rows';
import { addChangedRecords, addNewRecords, addStageMoved, RecordWrite } from './record-statements';

/** Retries of each MLflow call inside a sync; tests shorten the delays. */
export const MLFLOW_RETRY_POLICY = Symbol('MLFLOW_RETRY_POLICY');

const MODEL_PAGE = 1000;
/**
 * Versions per page: MLflow pages by offset, so every page costs a search of its own (a large fixed part); 5,000 keeps
 * the calls few (20 for 100,000 versions) and the page (about 1.5 MB of JSON) small. Within MLflow's maximum for
 * model-versions/search (200,000; 10,000 on Databricks).
 */
const VERSION_PAGE = 5000;
const WRITE_BATCH = 500;
/** Stored records compared with the listing per query when looking for removals. */
const LIVE_PAGE = 5000;
/** MLflow calls in flight at once (run fetches, removal checks), over as many kept-alive connections. */
export const CALLS_AT_ONCE = 16;

/** Listed version strings by model name. */
type ListedVersions = Map<string, Set<string>>;

type ListedVersion = WireModelVersion & { name: string; version: string };

/** A listed version that differs from its record (or has none). */
interface VersionToWrite {
  version: ListedVersion;
  stored: RecordToWrite;
}

interface PreparedBatch {
  inserts: RecordWrite[];
  updates: Array<RecordWrite & { id: number }>;
  stageMoved: number[];
}

export interface SyncProgress {
  models: number;
  versions: number;
}

/** A failure that ended the listing; the job retries it when `transient`. */
export class MlflowSyncFailed extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
  }
}

const emptyCounts = (): MlflowSyncCounts => ({ models: 0, versions: 0, added: 0, updated: 0, removed: 0, runs_fetched: 0, lineage_unavailable: 0, failed: 0 });

/**
 * One organisation's Model Registry sync: lists every registered model and every version (following page tokens
 * to the end), writes new and changed versions in batches with their runs, and marks what disappeared as removed
 * upstream only after a complete listing. Memory holds the models' tags and aliases and the keys seen, never the
 * versions of more than one page.
 */
@Injectable()
export class MlflowSyncService {
  private readonly logger = new Logger(MlflowSyncService.name);

  constructor(
    private readonly config: MlflowConfigService,
    private readonly dataSource: DataSource,
    private readonly events: AutomationEvents,
    private readonly integrations: MlflowIntegrationsRepository,
    private readonly outbound: OutboundHttp,
    private readonly records: MlflowRecordsRepository,
    @Optional() @Inject(MLFLOW_RETRY_POLICY) private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /**
   * Syncs as the system for `organizationId` and records the outcome on its integration. Throws
   * MlflowSyncFailed (after recording) when a transient failure cut the listing short, so the job retries.
   */
  syncOrganization(organizationId: number, onProgress: (progress: SyncProgress) => Promise<void> = async () => undefined): Promise<SyncOutcome> {
    return RequestContext.runAsSystem(organizationId, 'MLflow sync', async () => {
      const integration = await this.integrations.findForOrganization();
      if (!integration) return { status: 'skipped', message: 'No MLflow integration is configured.', counts: null } satisfies SyncOutcome as SyncOutcome;
      if (integration.last_test_status !== 'success') {
        const outcome: SyncOutcome = { status: 'skipped', message: 'Skipped: the last connection test did not succeed; test the connection first.', counts: null };
        await this.integrations.recordSync(outcome);
        return outcome;
      }
      let outcome: SyncOutcome & { retry?: boolean };
      const session = this.outbound.session(CALLS_AT_ONCE);
      try {
        outcome = await this.run(new MlflowClient(session, this.config.connectionOf(integration), this.retry), onProgress);
      } catch (error) {
        await this.integrations.recordSync({ status: 'error', message: `The sync failed: ${(error as Error).message}`, counts: null });
        throw error;
      } finally {
        session.close();
      }
      const { retry, ...recorded } = outcome;
      await this.integrations.recordSync(recorded);
      this.logger.log(`MLflow sync of organisation ${organizationId}: ${recorded.status} (${recorded.message})`);
      if (retry) throw new MlflowSyncFailed(recorded.message, true);
      return recorded;
    });
  }

  private async run(client: MlflowClient, onProgress: (progress: SyncProgress) => Promise<void>): Promise<SyncOutcome & { retry?: boolean }> {
    const counts = emptyCounts();
    const errors: string[] = [];
    /** The versions this run listed and wrote or found unchanged, per model (one small set per model, not one key string per version). */
    const listed: ListedVersions = new Map();
    let listing: 'complete' | 'cut' = 'cut';
    // One batch is written while the runs of the next are fetched.
    let writing: Promise<void> = Promise.resolve();
    try {
      const models = await this.listModels(client, counts, onProgress);
      for await (const page of client.pages<WireModelVersion>('model-versions/search', 'model_versions', { max_results: VERSION_PAGE, order_by: ['name ASC', 'version_number ASC'] })) {
        const onPage = new Set<string>();
        // Offset paging drifts: a version already listed (or twice on one page) is dropped.
        const unique = page.filter((v): v is ListedVersion => {
          if (!v.name || !v.version) return false;
          const key = `${v.name}\u0000${v.version}`;
          if (listed.get(v.name)?.has(v.version) || onPage.has(key)) return false;
          onPage.add(key);
          return true;
        });
        await this.lookUpMissingModels(client, models, unique);
        const fresh = unique.filter((v) => models.has(v.name));
        for (const { name, version } of fresh) {
          const versions = listed.get(name);
          if (versions) versions.add(version);
          else listed.set(name, new Set([version]));
        }
        counts.versions += fresh.length;
        const toWrite = await this.versionsToWrite(fresh, models);
        for (let start = 0; start < toWrite.length; start += WRITE_BATCH) {
          const prepared = await this.prepareBatch(client, toWrite.slice(start, start + WRITE_BATCH), models, counts, errors);
          await writing;
          writing = this.writeBatch(prepared, counts);
          writing.catch(() => undefined); // awaited before the next write or at the end; no unhandled rejection meanwhile
        }
        await onProgress({ models: counts.models, versions: counts.versions });
      }
      await writing;
      listing = 'complete';
    } catch (error) {
      await writing;
      if (!(error instanceof MlflowCallError)) throw error;
      errors.unshift(error.message);
      if (error.kind === 'auth') return { status: 'error', message: `Authentication failed: ${error.message}`, counts };
      const done = counts.added + counts.updated > 0 || counts.versions > 0;
      const message = `The listing stopped: ${error.message}. Nothing was marked removed.`;
      return { status: done ? 'partial' : 'error', message, counts, retry: error.transient };
    }
    if (listing === 'complete') {
      const live = await this.records.countLive();
      if (counts.models === 0 && live > 0) errors.push('MLflow listed no models at all; nothing was marked removed (check the account’s permissions)');
      // Every listed version has a live record by now: as many live records as listed versions means none is unlisted.
      else if (live !== counts.versions) counts.removed = await this.reconcileRemovals(client, listed, errors);
    }
    const summary = `${counts.models} models, ${counts.versions} versions: ${counts.added} added, ${counts.updated} updated, ${counts.removed} removed upstream`;
    if (errors.length > 0) return { status: 'partial', message: `${summary}; ${counts.failed || errors.length} problem(s), the first: ${errors[0]}`, counts };
    return { status: 'success', message: summary, counts };
  }

  /** Every registered model (name ASC; duplicates from offset drift dropped): their description, tags and aliases. */
  private async listModels(client: MlflowClient, counts: MlflowSyncCounts, onProgress: (progress: SyncProgress) => Promise<void>): Promise<Map<string, ModelFacts>> {
    const models = new Map<string, ModelFacts>();
    for await (const page of client.pages<WireRegisteredModel>('registered-models/search', 'registered_models', { max_results: MODEL_PAGE, order_by: ['name ASC'] })) {
      for (const model of page) if (model.name && !models.has(model.name)) models.set(model.name, modelFactsOf(model));
      counts.models = models.size;
      await onProgress({ models: counts.models, versions: 0 });
    }
    return models;
  }

  /**
   * A version whose model the model listing did not show (offset paging drifts when models are added or deleted
   * between pages): the model is read by name, which needs no filter escaping. A model that is gone is left out.
   */
  private async lookUpMissingModels(client: MlflowClient, models: Map<string, ModelFacts>, versions: Array<{ name: string }>): Promise<void> {
    for (const name of new Set(versions.map((v) => v.name).filter((n) => !models.has(n)))) {
      try {
        const body = await client.get<{ registered_model?: WireRegisteredModel }>('registered-models/get', { name });
        if (body.registered_model) models.set(name, modelFactsOf(body.registered_model));
      } catch (error) {
        if (!(error instanceof MlflowCallError) || error.kind !== 'not_found') throw error;
      }
    }
  }

  /**
   * After a complete listing, the records it did not list: each is confirmed gone (model-versions/get answers
   * 404) before it is marked removed upstream, since offset paging can skip a row that still exists.
   */
  private async reconcileRemovals(client: MlflowClient, listed: ListedVersions, errors: string[]): Promise<number> {
    let removed = 0;
    let afterId = 0;
    for (;;) {
      const live = await this.records.findLive(afterId, LIVE_PAGE);
      if (live.length === 0) return removed;
      afterId = live[live.length - 1].id;
      const candidates = live.filter((record) => !listed.get(record.model_name)?.has(record.version));
      const gone: number[] = [];
      const present: number[] = [];
      let next = 0;
      const worker = async () => {
        while (next < candidates.length) {
          const candidate = candidates[next++];
          try {
            await client.get('model-versions/get', { name: candidate.model_name, version: candidate.version });
            present.push(candidate.id);
          } catch (error) {
            if (!(error instanceof MlflowCallError)) throw error;
            if (error.kind === 'not_found' || (error.kind === 'bad_request' && candidate.version_number === null)) gone.push(candidate.id);
            else if (error.kind === 'auth') throw error;
            else errors.push(`could not confirm that ${candidate.model_name} version ${candidate.version} is gone: ${error.message}`);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(CALLS_AT_ONCE, candidates.length) }, worker));
      removed += await this.records.markRemoved(gone);
      await this.records.touch(present);
    }
  }

  /**
   * The versions of a page that differ from their records, by content hash, in one query. Only the hashes are kept
   * meanwhile; the columns are built again, a batch at a time, for the (on a resync, few) versions to write.
   */
  private async versionsToWrite(versions: ListedVersion[], models: Map<string, ModelFacts>): Promise<VersionToWrite[]> {
    const keys = versions.map((version) => ({ model_name: version.name, version: version.version, content_hash: versionColumns(version, models.get(version.name) as ModelFacts).content_hash }));
    const differing = await this.records.findToWrite(keys);
    return differing.map((stored) => ({ version: versions[stored.index], stored }));
  }

  /** Fetches the runs of a batch of versions to write: the rows to write. */
  private async prepareBatch(client: MlflowClient, batch: VersionToWrite[], models: Map<string, ModelFacts>, counts: MlflowSyncCounts, errors: string[]): Promise<PreparedBatch> {
    const prepared: PreparedBatch = { inserts: [], updates: [], stageMoved: [] };
    const columnsOfBatch = batch.map(({ version }) => versionColumns(version, models.get(version.name) as ModelFacts));
    const runs = await this.fetchRuns(client, columnsOfBatch, counts, errors);
    batch.forEach(({ stored }, index) => {
      const columns = columnsOfBatch[index];
      const { failed, ...run } = runs[index];
      // A run that could not be read is fetched again next time: its hash never matches.
      const row = { ...columns, ...run, content_hash: failed ? `retry-run:${columns.content_hash}` : columns.content_hash };
      if (stored.id === null) return prepared.inserts.push(row);
      prepared.updates.push({ ...row, id: stored.id });
      if (stored.lifecycle_stage !== columns.lifecycle_stage) prepared.stageMoved.push(stored.id);
      return undefined;
    });
    return prepared;
  }

  /** Writes a prepared batch in one statement (inserts, updates, outbox events). */
  private async writeBatch({ inserts, updates, stageMoved }: PreparedBatch, counts: MlflowSyncCounts): Promise<void> {
    if (inserts.length + updates.length === 0) return;
    const statement = WriteStatement.forActor();
    const added = addNewRecords(statement, inserts);
    const changed = addChangedRecords(statement, updates);
    const moved = addStageMoved(statement, changed, stageMoved);
    const addedEvents = this.events.addTo(statement, added, { event: 'mlflow_version_added', payloadKey: 'mlflow_model_record' });
    const movedEvents = this.events.addTo(statement, moved, { event: 'mlflow_stage_changed', payloadKey: 'mlflow_model_record' });
    const { text, values } = statement.build(
      sql`SELECT (SELECT count(*) FROM ${added})::int AS added, (SELECT count(*) FROM ${changed})::int AS updated,
                 ${addedEvents.pendingColumn} AS added_pending, ${movedEvents.pendingColumn} AS moved_pending`,
    );
    const [result] = await this.dataSource.query(text, values);
    counts.added += result.added;
    counts.updated += result.updated;
    await this.events.dispatch([...result.added_pending, ...result.moved_pending]);
  }

  /** The runs of the versions to write, a few at a time; a run that is gone (404) is "lineage unavailable". */
  private async fetchRuns(client: MlflowClient, versions: VersionColumns[], counts: MlflowSyncCounts, errors: string[]): Promise<Array<RunColumns & { failed?: boolean }>> {
    const results: Array<RunColumns & { failed?: boolean }> = new Array(versions.length);
    let next = 0;
    const worker = async () => {
      while (next < versions.length) {
        const index = next++;
        const { run_id: runId, model_name: name, version } = versions[index];
        if (!runId) {
          results[index] = NO_RUN;
          continue;
        }
        try {
          const body = await client.get<{ run?: WireRun }>('runs/get', { run_id: runId });
          counts.runs_fetched++;
          results[index] = runColumns(body.run);
        } catch (error) {
          if (!(error instanceof MlflowCallError)) throw error;
          if (error.kind === 'auth') throw error;
          if (error.kind === 'not_found') {
            counts.lineage_unavailable++;
            results[index] = LINEAGE_UNAVAILABLE;
          } else {
            counts.failed++;
            errors.push(`run ${runId} of ${name} version ${version}: ${error.message}`);
            results[index] = { ...LINEAGE_UNAVAILABLE, failed: true };
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CALLS_AT_ONCE, versions.length) }, worker));
    return results;
  }
}
