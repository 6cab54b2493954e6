import { ModelRiskStatus } from '@model-inventory/contracts';
import { allowedTransitions, transitionRefusal } from './risk-audit';

const { OPEN, IN_PROGRESS, RESOLVED, ACCEPTED } = ModelRiskStatus;

describe('the risk workflow', () => {
  it.each([
    [OPEN, IN_PROGRESS],
    [IN_PROGRESS, RESOLVED],
    [IN_PROGRESS, ACCEPTED],
    [RESOLVED, OPEN],
    [ACCEPTED, OPEN],
  ])('lets a risk move from %s to %s', (from, to) => expect(transitionRefusal(from, to)).toBeNull());

  it.each([OPEN, IN_PROGRESS, RESOLVED, ACCEPTED])('does not count keeping %s as a transition', (status) => expect(transitionRefusal(status, status)).toBeNull());

  it.each([
    [OPEN, RESOLVED, 'In Progress'],
    [OPEN, ACCEPTED, 'In Progress'],
    [IN_PROGRESS, OPEN, 'Resolved or Accepted'],
    [RESOLVED, ACCEPTED, 'Open'],
    [RESOLVED, IN_PROGRESS, 'Open'],
    [ACCEPTED, RESOLVED, 'Open'],
  ])('refuses %s → %s and names what is allowed (%s)', (from, to, allowed) => {
    expect(transitionRefusal(from, to)).toBe(`A risk cannot move from ${from} to ${to}; from ${from} it can move to ${allowed}.`);
  });

  it('offers only the allowed next states', () => {
    expect(allowedTransitions(IN_PROGRESS)).toEqual([RESOLVED, ACCEPTED]);
    expect(allowedTransitions(OPEN)).toEqual([IN_PROGRESS]);
  });
});
