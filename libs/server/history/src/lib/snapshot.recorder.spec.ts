import { ModelStatus, SnapshotCounts } from '@model-inventory/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { SnapshotRecorder } from './snapshot.recorder';
import { SnapshotsRepository } from './snapshots.repository';

describe(SnapshotRecorder.name, () => {
  const manager = {} as EntityManager;
  let snapshots: jest.Mocked<Pick<SnapshotsRepository, 'lockOrganization' | 'findLatest' | 'countLive' | 'append'>>;
  let sut: SnapshotRecorder;

  beforeEach(() => {
    snapshots = {
      lockOrganization: jest.fn().mockResolvedValue(undefined),
      findLatest: jest.fn().mockResolvedValue(new Map()),
      countLive: jest.fn(),
      append: jest.fn().mockResolvedValue([]),
    };
    sut = new SnapshotRecorder({} as DataSource, snapshots as unknown as SnapshotsRepository);
  });

  it('writes nothing and takes no lock when no counted field changed', async () => {
    const model = { status: ModelStatus.APPROVED, security_assessment: true };
    await sut.recordChange(manager, 7, model, { ...model });
    expect(snapshots.lockOrganization).not.toHaveBeenCalled();
    expect(snapshots.append).not.toHaveBeenCalled();
  });

  it('adds the delta to the latest snapshot, only for the parameter that moved', async () => {
    snapshots.findLatest.mockResolvedValue(new Map([['status', { Approved: 2, Restricted: 0, Pending: 1, Blocked: 0 }]]));
    await sut.recordChange(manager, 7, { status: ModelStatus.PENDING, security_assessment: false }, { status: ModelStatus.APPROVED, security_assessment: false });
    expect(snapshots.lockOrganization).toHaveBeenCalledWith(manager, 7);
    expect(snapshots.findLatest).toHaveBeenCalledWith(manager, 7, ['status']);
    expect(snapshots.append).toHaveBeenCalledWith(manager, 7, 'change', [{ parameter: 'status', counts: { Approved: 3, Restricted: 0, Pending: 0, Blocked: 0 } }]);
  });

  it('counts in full, without adding the delta again, when the organisation has no snapshot yet', async () => {
    const live: Record<string, SnapshotCounts> = { status: { Approved: 0, Restricted: 0, Pending: 1, Blocked: 0 }, security_assessment: { true: 0, false: 1 } };
    snapshots.countLive.mockImplementation(async (_org, parameter) => live[parameter]);
    await sut.recordChange(manager, 7, null, { status: ModelStatus.PENDING, security_assessment: false });
    expect(snapshots.countLive).toHaveBeenCalledWith(7, 'status', manager);
    expect(snapshots.append).toHaveBeenCalledWith(manager, 7, 'change', [
      { parameter: 'status', counts: { Approved: 0, Restricted: 0, Pending: 1, Blocked: 0 } },
      { parameter: 'security_assessment', counts: { true: 0, false: 1 } },
    ]);
  });
});
