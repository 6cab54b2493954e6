import { ModelStatus } from '@model-inventory/contracts';
import { sql, TENANT, WriteStatement } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { CountersRepository } from './counters.repository';
import { SnapshotRecorder } from './snapshot.recorder';
import { SnapshotsRepository } from './snapshots.repository';

describe(SnapshotRecorder.name, () => {
  const statement = new WriteStatement(7);
  const written = statement.part('written', sql`SELECT ${TENANT}::int AS organization_id`, 'tenant');
  let counters: jest.Mocked<Pick<CountersRepository, 'addBumpAndSnapshot'>>;
  let sut: SnapshotRecorder;

  beforeEach(() => {
    counters = { addBumpAndSnapshot: jest.fn() };
    sut = new SnapshotRecorder(counters as unknown as CountersRepository, {} as DataSource, {} as SnapshotsRepository);
  });

  it('adds nothing when no counted field changed', () => {
    const model = { status: ModelStatus.APPROVED, security_assessment: true };
    sut.addChange(statement, written, model, { ...model });
    expect(counters.addBumpAndSnapshot).not.toHaveBeenCalled();
  });

  it('sends the delta of only the parameter that moved', () => {
    sut.addChange(statement, written, { status: ModelStatus.PENDING, security_assessment: false }, { status: ModelStatus.APPROVED, security_assessment: false });
    expect(counters.addBumpAndSnapshot).toHaveBeenCalledWith(statement, written, { status: { Pending: -1, Approved: 1 } });
  });

  it('counts a created model in both parameters and a deleted one out of both', () => {
    sut.addChange(statement, written, null, { status: ModelStatus.BLOCKED, security_assessment: true });
    expect(counters.addBumpAndSnapshot).toHaveBeenLastCalledWith(statement, written, { status: { Blocked: 1 }, security_assessment: { true: 1 } });
    sut.addChange(statement, written, { status: ModelStatus.BLOCKED, security_assessment: true }, null);
    expect(counters.addBumpAndSnapshot).toHaveBeenLastCalledWith(statement, written, { status: { Blocked: -1 }, security_assessment: { true: -1 } });
  });
});
