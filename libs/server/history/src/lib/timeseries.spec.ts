import { ValidationFailedError } from '@model-inventory/server-core';
import { buildPoints, daysOf, resolveRange } from './timeseries';

const now = new Date('2025-03-10T15:30:00Z');

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.errors[0].field;
    throw error;
  }
  return undefined;
}

describe(resolveRange.name, () => {
  it.each([
    ['7days', '2025-03-04', 7],
    ['30days', '2025-02-09', 30],
    ['90days', '2024-12-11', 90],
    ['1year', '2024-03-11', 365],
  ] as const)('turns %s into that many days ending today (UTC)', (timeframe, from, points) => {
    const range = resolveRange({ timeframe }, now);
    expect(range).toEqual({ from, to: '2025-03-10', endsToday: true });
    expect(daysOf(range)).toHaveLength(points);
  });

  it('defaults to 30 days', () => {
    expect(daysOf(resolveRange({}, now))).toHaveLength(30);
  });

  it('takes a custom range, ending today when `to` is left out', () => {
    expect(resolveRange({ from: '2025-01-01', to: '2025-01-31' }, now)).toEqual({ from: '2025-01-01', to: '2025-01-31', endsToday: false });
    expect(resolveRange({ from: '2025-03-01' }, now)).toEqual({ from: '2025-03-01', to: '2025-03-10', endsToday: true });
  });

  it('stops at today when `to` is in the future', () => {
    expect(resolveRange({ from: '2025-03-01', to: '2025-12-31' }, now)).toEqual({ from: '2025-03-01', to: '2025-03-10', endsToday: true });
  });

  it('allows exactly two years and no more', () => {
    expect(resolveRange({ from: '2023-01-31', to: '2025-01-31' }, now).from).toBe('2023-01-31');
    expect(fieldOf(() => resolveRange({ from: '2023-01-30', to: '2025-01-31' }, now))).toBe('from');
  });

  it.each([
    [{ from: '2025-02-01', to: '2025-01-01' }, 'from'],
    [{ to: '2025-01-01' }, 'from'],
    [{ from: '2025-04-01' }, 'from'],
    [{ timeframe: '7days' as const, from: '2025-01-01' }, 'timeframe'],
  ])('rejects %p naming %s', (query, field) => {
    expect(fieldOf(() => resolveRange(query, now))).toBe(field);
  });
});

describe(buildPoints.name, () => {
  const days = ['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10'];
  const counts = (t: number, f: number) => ({ true: t, false: f });

  it('carries the last snapshot forward over days without one', () => {
    const points = buildPoints('security_assessment', {
      days,
      before: counts(1, 1),
      lastOfDay: new Map([['2025-03-08', counts(2, 1)]]),
      live: null,
    });
    expect(points.map((p) => p.counts)).toEqual([counts(1, 1), counts(1, 1), counts(2, 1), counts(2, 1), counts(2, 1)]);
    expect(points[0].timestamp).toBe('2025-03-06T00:00:00.000Z');
  });

  it('gives zeros for the days before the first snapshot', () => {
    const points = buildPoints('status', { days, before: null, lastOfDay: new Map([['2025-03-09', { Approved: 1 }]]), live: null });
    expect(points[0].counts).toEqual({ Approved: 0, Restricted: 0, Pending: 0, Blocked: 0 });
    expect(points[3].counts).toEqual({ Approved: 1, Restricted: 0, Pending: 0, Blocked: 0 });
  });

  it('ends with the live counts when the range ends today', () => {
    const points = buildPoints('security_assessment', { days, before: counts(5, 5), lastOfDay: new Map(), live: counts(4, 7) });
    expect(points[3].counts).toEqual(counts(5, 5));
    expect(points[4].counts).toEqual(counts(4, 7));
  });
});
