import { TokenBuckets } from './share-rate-limit';

describe(TokenBuckets.name, () => {
  let now: number;
  let sut: TokenBuckets;

  beforeEach(() => {
    now = 1_000_000;
    sut = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5 }, () => now);
  });

  it('grants a burst up to the capacity, then says how many seconds until the next token', () => {
    expect([sut.take('a'), sut.take('a'), sut.take('a')]).toEqual([0, 0, 0]);
    expect(sut.take('a')).toBe(2);
  });

  it('gives tokens back at the refill rate, never above the capacity', () => {
    for (let i = 0; i < 3; i++) sut.take('a');
    now += 2_000;
    expect(sut.take('a')).toBe(0);
    expect(sut.take('a')).toBe(2);
    now += 3_600_000;
    expect([sut.take('a'), sut.take('a'), sut.take('a'), sut.take('a')]).toEqual([0, 0, 0, 2]);
  });

  it('keeps one bucket per address', () => {
    for (let i = 0; i < 3; i++) sut.take('a');
    expect(sut.take('a')).toBeGreaterThan(0);
    expect(sut.take('b')).toBe(0);
  });

  it('forgets idle addresses instead of growing without bound', () => {
    for (let i = 0; i < 10_000; i++) sut.take(`10.0.${i >> 8}.${i & 255}`);
    now += 60_000;
    sut.take('fresh');
    expect(sut.size).toBe(1);
  });
});
