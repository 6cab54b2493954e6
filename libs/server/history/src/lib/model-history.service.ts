import { Injectable } from '@nestjs/common';
import { CurrentCountsResponse, SnapshotParameter, SnapshotResponse, TimeseriesResponse } from '@model-inventory/contracts';
import { RequestContext } from '@model-inventory/server-core';
import { SnapshotRecorder } from './snapshot.recorder';
import { SnapshotsRepository } from './snapshots.repository';
import { buildPoints, daysOf, RangeQuery, resolveRange } from './timeseries';

/** The HTTP side of snapshots, always for the caller's organisation. */
@Injectable()
export class ModelHistoryService {
  constructor(
    private readonly recorder: SnapshotRecorder,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  private get organizationId(): number {
    return RequestContext.requireActor().organizationId;
  }

  async currentCounts(parameter: SnapshotParameter): Promise<CurrentCountsResponse> {
    const organizationId = this.organizationId;
    const [counts, demoModels] = await Promise.all([
      this.recorder.currentCounts(organizationId, parameter),
      this.snapshots.countLiveDemo(organizationId),
    ]);
    return { parameter, counts, demo_models: demoModels };
  }

  /** Three queries whatever the range: the snapshot before it, the last snapshot of each day in it, the live counts. */
  async timeseries(parameter: SnapshotParameter, query: RangeQuery): Promise<TimeseriesResponse> {
    const organizationId = this.organizationId;
    const range = resolveRange(query, new Date());
    const [before, lastOfDay, live] = await Promise.all([
      this.snapshots.findLatestBefore(organizationId, parameter, range.from),
      this.snapshots.findLastOfEachDay(organizationId, parameter, range.from, range.to),
      range.endsToday ? this.recorder.currentCounts(organizationId, parameter) : null,
    ]);
    return { parameter, points: buildPoints(parameter, { days: daysOf(range), before, lastOfDay, live }) };
  }

  async takeSnapshot(parameter: SnapshotParameter): Promise<SnapshotResponse> {
    const [snapshot] = await this.recorder.snapshotNow(this.organizationId, 'manual', [parameter]);
    return snapshot;
  }
}
