import { Role } from '@model-inventory/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { NotFoundError, UnauthorizedError } from '../errors/domain-errors';
import { TenantRepository } from './tenant.repository';

interface Widget {
  id: number;
  organization_id: number;
  name: string;
  deleted_at?: Date | null;
}

type Criteria = Partial<Widget>;
const matches = (row: Widget, criteria: Criteria) =>
  Object.entries(criteria).every(
    ([key, value]) => row[key as keyof Widget] === value,
  );

/**
 * An in-memory stand-in for a TypeORM repository holding rows of two organisations. Its query builder
 * understands the `alias.column = :parameter` conditions a scoped read is made of.
 */
class InMemoryWidgets {
  rows: Widget[] = [
    { id: 1, organization_id: 7, name: 'ours' },
    { id: 2, organization_id: 8, name: 'theirs' },
  ];

  create = (data: Partial<Widget>) => ({ ...data }) as Widget;

  save = async (row: Widget) => {
    this.rows = [...this.rows.filter((r) => r.id !== row.id), row];
    return row;
  };

  delete = async (criteria: Criteria) => {
    const before = this.rows.length;
    this.rows = this.rows.filter((row) => !matches(row, criteria));
    return { affected: before - this.rows.length, raw: [] };
  };

  softDelete = async (criteria: Criteria) => {
    const hit = this.rows.filter((row) => matches(row, criteria));
    hit.forEach((row) => (row.deleted_at = new Date()));
    return { affected: hit.length, raw: [], generatedMaps: [] };
  };

  createQueryBuilder = () => {
    const conditions: Criteria[] = [];
    const condition = (where: string, parameters: Record<string, unknown>) => {
      const [, column, parameter] = /^\w+\.(\w+) = :(\w+)$/.exec(where) ?? [];
      if (!column)
        throw new Error(
          `the fake query builder does not understand "${where}"`,
        );
      conditions.push({ [column]: parameters[parameter] } as Criteria);
    };
    const builder = {
      where: (where: string, parameters: Record<string, unknown>) => (
        condition(where, parameters),
        builder
      ),
      andWhere: (where: string, parameters: Record<string, unknown>) => (
        condition(where, parameters),
        builder
      ),
      getOne: async () =>
        this.rows.find((row) => conditions.every((c) => matches(row, c))) ??
        null,
    };
    return builder;
  };
}

class WidgetsRepository extends TenantRepository<Widget> {
  constructor(dataSource: DataSource) {
    super(dataSource, 'Widget', 'Widget');
  }
}

function setUp() {
  const store = new InMemoryWidgets();
  const manager = { getRepository: () => store } as unknown as EntityManager;
  return {
    store,
    widgets: new WidgetsRepository({ manager } as unknown as DataSource),
  };
}

const asOrganization = <T>(organizationId: number, fn: () => T): T =>
  RequestContext.runAs(
    { organizationId, role: Role.Editor, userId: 1, name: 'Ada', email: null },
    fn,
  );

describe('TenantRepository', () => {
  it("finds the actor's own row", async () => {
    const { widgets } = setUp();

    await expect(
      asOrganization(7, () => widgets.getById(1)),
    ).resolves.toMatchObject({ name: 'ours' });
  });

  it("answers another organisation's row exactly as a missing one", async () => {
    const { widgets } = setUp();

    await expect(
      asOrganization(7, () => widgets.findById(2)),
    ).resolves.toBeNull();
    await expect(asOrganization(7, () => widgets.getById(2))).rejects.toThrow(
      new NotFoundError('Widget', 2),
    );
    await expect(asOrganization(7, () => widgets.getById(99))).rejects.toThrow(
      new NotFoundError('Widget', 99),
    );
  });

  it("builds new rows in the actor's organisation whatever the caller passes", () => {
    const { widgets } = setUp();

    const built = asOrganization(7, () =>
      widgets.build({ name: 'new', organization_id: 8 }),
    );

    expect(built.organization_id).toBe(7);
  });

  it("saves the actor's row and refuses another organisation's row without writing it", async () => {
    const { store, widgets } = setUp();

    await asOrganization(7, () =>
      widgets.save({ id: 1, organization_id: 7, name: 'renamed' }),
    );
    expect(() =>
      asOrganization(7, () =>
        widgets.save({ id: 2, organization_id: 8, name: 'hijacked' }),
      ),
    ).toThrow(NotFoundError);

    expect(store.rows.map((row) => row.name).sort()).toEqual([
      'renamed',
      'theirs',
    ]);
  });

  it("deletes only the actor's rows, reporting whether it deleted one", async () => {
    const { store, widgets } = setUp();

    await expect(asOrganization(7, () => widgets.delete(2))).resolves.toBe(
      false,
    );
    await expect(asOrganization(7, () => widgets.delete(1))).resolves.toBe(
      true,
    );

    expect(store.rows.map((row) => row.id)).toEqual([2]);
  });

  it("soft-deletes only the actor's rows", async () => {
    const { store, widgets } = setUp();

    await expect(asOrganization(8, () => widgets.softDelete(1))).resolves.toBe(
      false,
    );
    await expect(asOrganization(8, () => widgets.softDelete(2))).resolves.toBe(
      true,
    );

    expect(store.rows.find((row) => row.id === 1)?.deleted_at).toBeUndefined();
    expect(store.rows.find((row) => row.id === 2)?.deleted_at).toBeInstanceOf(
      Date,
    );
  });

  it('refuses every operation when no one is acting', async () => {
    const { widgets } = setUp();

    await expect(RequestContext.run(async () => widgets.findById(1))).rejects.toThrow(
      UnauthorizedError,
    );
    await expect(RequestContext.run(() => widgets.delete(1))).rejects.toThrow(
      UnauthorizedError,
    );
  });
});
