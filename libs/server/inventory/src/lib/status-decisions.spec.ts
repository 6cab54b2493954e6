import { ModelStatus } from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';
import { decisionOf } from './status-decisions';

const { APPROVED, RESTRICTED, PENDING, BLOCKED } = ModelStatus;

describe('decisionOf', () => {
  describe('on create', () => {
    it.each([APPROVED, RESTRICTED, BLOCKED])(
      'records creating a model as %s as a decision',
      (status) => {
        expect(
          decisionOf(null, { status, status_rationale: 'reviewed offline' }),
        ).toEqual({ from: null, to: status, rationale: 'reviewed offline' });
      },
    );

    it('records no decision for a model created Pending or with no status', () => {
      expect(decisionOf(null, { status: PENDING })).toBeNull();
      expect(decisionOf(null, {})).toBeNull();
    });

    it('records a decision without a rationale as one with none', () => {
      expect(decisionOf(null, { status: APPROVED })).toEqual({
        from: null,
        to: APPROVED,
        rationale: null,
      });
    });
  });

  describe('on update', () => {
    it('records a status change with its previous status', () => {
      expect(
        decisionOf(PENDING, { status: BLOCKED, status_rationale: 'leaks PII' }),
      ).toEqual({ from: PENDING, to: BLOCKED, rationale: 'leaks PII' });
      expect(decisionOf(APPROVED, { status: PENDING })).toEqual({
        from: APPROVED,
        to: PENDING,
        rationale: null,
      });
    });

    it('changes nothing when the current status is sent again alone, or no status is sent', () => {
      expect(decisionOf(APPROVED, { status: APPROVED })).toBeNull();
      expect(decisionOf(APPROVED, {})).toBeNull();
    });

    it('records the current status sent again with a rationale as a re-approval', () => {
      expect(
        decisionOf(APPROVED, {
          status: APPROVED,
          status_rationale: 'annual review',
        }),
      ).toEqual({ from: APPROVED, to: APPROVED, rationale: 'annual review' });
    });
  });

  it.each([
    ['without a status', { status_rationale: 'why' }],
    ['with Pending', { status: PENDING, status_rationale: 'why' }],
  ])(
    'refuses a rationale sent %s, naming status_rationale',
    (_case, requested) => {
      const attempt = () => decisionOf(APPROVED, requested);

      expect(attempt).toThrow(ValidationFailedError);
      expect(attempt).toThrow(/^status_rationale: /);
    },
  );
});
