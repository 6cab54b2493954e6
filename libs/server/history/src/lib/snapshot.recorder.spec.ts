import { ModelStatus, SnapshotCounts } from '@model-inventory/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CountersRepository } from './counters.repository';
import { SnapshotRecorder } from './snapshot.recorder';
import { SnapshotsRepository } from './snapshots.repository';

describe(SnapshotRecorder.name, () => {
  const manager = {} as EntityManager;
  let counters: jest.Mocked<Pick<CountersRepository, 'bumpAndSnapshot' | 'insertIfMissing'>>;
  let snapshots: jest.Mocked<Pick<SnapshotsRepository, 'countLive' | 'append'>>;
  let sut: SnapshotRecorder;

  beforeEach(() => {
    counters = { bumpAndSnapshot: jest.fn().mockResolvedValue([]), insertIfMissing: jest.fn() };
    snapshots = { countLive: jest.fn(), append: jest.fn().mockResolvedValue([]) };
    sut = new SnapshotRecorder(counters as unknown as CountersRepository, {} as DataSource, snapshots as unknown as SnapshotsRepository);
  });

  it('writes nothing when no counted field changed', async () => {
    const model = { status: ModelStatus.APPROVED, security_assessment: true };
    await sut.recordChange(manager, 7, model, { ...model });
    expect(counters.bumpAndSnapshot).not.toHaveBeenCalled();
  });

  it('sends the delta of only the parameter that moved', async () => {
    await sut.recordChange(manager, 7, { status: ModelStatus.PENDING, security_assessment: false }, { status: ModelStatus.APPROVED, security_assessment: false });
    expect(counters.bumpAndSnapshot).toHaveBeenCalledWith(manager, 7, { status: { Pending: -1, Approved: 1 } });
  });

  it('starts the running counts from a full count, without adding the delta again, on the first write', async () => {
    const live: Record<string, SnapshotCounts> = { status: { Approved: 0, Restricted: 0, Pending: 1, Blocked: 0 }, security_assessment: { true: 0, false: 1 } };
    counters.bumpAndSnapshot.mockResolvedValueOnce(['status', 'security_assessment']);
    counters.insertIfMissing.mockResolvedValue(true);
    snapshots.countLive.mockImplementation(async (_org, parameter) => live[parameter]);
    await sut.recordChange(manager, 7, null, { status: ModelStatus.PENDING, security_assessment: false });
    expect(counters.insertIfMissing).toHaveBeenCalledWith(manager, 7, 'status', live['status']);
    expect(snapshots.append).toHaveBeenCalledWith(manager, 7, 'change', [{ parameter: 'status', counts: live['status'] }]);
    expect(counters.bumpAndSnapshot).toHaveBeenCalledTimes(1);
  });

  it('adds its delta to counts another writer started meanwhile', async () => {
    counters.bumpAndSnapshot.mockResolvedValueOnce(['status']).mockResolvedValueOnce([]);
    counters.insertIfMissing.mockResolvedValue(false);
    snapshots.countLive.mockResolvedValue({ Approved: 0, Restricted: 0, Pending: 1, Blocked: 0 });
    await sut.recordChange(manager, 7, null, { status: ModelStatus.PENDING, security_assessment: false });
    expect(counters.bumpAndSnapshot).toHaveBeenLastCalledWith(manager, 7, { status: { Pending: 1 } });
    expect(snapshots.append).not.toHaveBeenCalled();
  });
});
