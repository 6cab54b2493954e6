import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index';

const timestampOf = (name: string): number =>
  Number(/(\d{13})$/.exec(name)?.[1]);

describe('MIGRATIONS', () => {
  it('registers every migration file in the folder, so none is silently skipped on deploy', () => {
    const files = readdirSync(__dirname).filter(
      (file) => /^\d{13}-.+\.ts$/.test(file) && !file.endsWith('.spec.ts'),
    );
    const registered = MIGRATIONS.map((migration) =>
      timestampOf(migration.name),
    );

    expect(registered.sort()).toEqual(
      files.map((file) => Number(file.slice(0, 13))).sort(),
    );
  });

  it('runs them in timestamp order with no two sharing a timestamp', () => {
    const timestamps = MIGRATIONS.map((migration) =>
      timestampOf(migration.name),
    );

    expect(timestamps.every((t) => Number.isFinite(t))).toBe(true);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(new Set(timestamps).size).toBe(timestamps.length);
  });
});
