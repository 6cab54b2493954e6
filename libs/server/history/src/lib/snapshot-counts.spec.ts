import { ModelStatus } from '@model-inventory/contracts';
import { countsDelta, emptyCounts, isEmptyDelta, normalizeCounts } from './snapshot-counts';

const model = (status: ModelStatus, security_assessment = false) => ({ status, security_assessment });

describe('snapshot counts', () => {
  it('has every bucket, zeros included', () => {
    expect(emptyCounts('status')).toEqual({ Approved: 0, Restricted: 0, Pending: 0, Blocked: 0 });
    expect(emptyCounts('security_assessment')).toEqual({ true: 0, false: 0 });
  });

  it('fills missing buckets and drops unknown ones', () => {
    expect(normalizeCounts('status', { Approved: 3, Retired: 9 })).toEqual({ Approved: 3, Restricted: 0, Pending: 0, Blocked: 0 });
    expect(normalizeCounts('security_assessment', { true: '2' })).toEqual({ true: 2, false: 0 });
  });

  describe(countsDelta.name, () => {
    it('adds one to the new bucket on create and takes one from the old bucket on delete', () => {
      expect(countsDelta('status', null, model(ModelStatus.PENDING))).toEqual({ Pending: 1 });
      expect(countsDelta('security_assessment', model(ModelStatus.PENDING, true), null)).toEqual({ true: -1 });
    });

    it('moves one model between buckets on update', () => {
      expect(countsDelta('status', model(ModelStatus.PENDING), model(ModelStatus.APPROVED))).toEqual({ Pending: -1, Approved: 1 });
    });

    it('is empty when the parameter did not change', () => {
      const delta = countsDelta('status', model(ModelStatus.BLOCKED, false), model(ModelStatus.BLOCKED, true));
      expect(isEmptyDelta(delta)).toBe(true);
      expect(isEmptyDelta(countsDelta('security_assessment', model(ModelStatus.BLOCKED, false), model(ModelStatus.BLOCKED, true)))).toBe(false);
    });
  });
});
