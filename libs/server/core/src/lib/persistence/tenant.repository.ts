import { DataSource, DeepPartial, EntityManager, EntityTarget, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../errors/domain-errors';
import { RequestContext } from '../context/request-context';

export interface TenantOwned extends ObjectLiteral {
  id: number;
  organization_id: number;
}

/**
 * Base for repositories of organisation-owned rows. Every read starts from `scoped()`, which restricts to
 * the actor's organisation; every new row gets the actor's organisation; saves, deletes and soft deletes
 * touch only the actor's rows. Another organisation's row is indistinguishable from a missing one.
 */
export abstract class TenantRepository<E extends TenantOwned> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<E>,
    private readonly resourceName: string,
  ) {}

  protected get organizationId(): number {
    return RequestContext.requireActor().organizationId;
  }

  protected repository(manager?: EntityManager): Repository<E> {
    return (manager ?? this.dataSource.manager).getRepository(this.entity);
  }

  protected scoped(alias: string, manager?: EntityManager): SelectQueryBuilder<E> {
    return this.repository(manager)
      .createQueryBuilder(alias)
      .where(`${alias}.organization_id = :organizationId`, { organizationId: this.organizationId });
  }

  findById(id: number, manager?: EntityManager): Promise<E | null> {
    return this.scoped('row', manager).andWhere('row.id = :id', { id }).getOne();
  }

  async getById(id: number, manager?: EntityManager): Promise<E> {
    const row = await this.findById(id, manager);
    if (!row) throw new NotFoundError(this.resourceName, id);
    return row;
  }

  /** Builds (does not save) a row owned by the actor's organisation. */
  build(data: DeepPartial<E>, manager?: EntityManager): E {
    return this.repository(manager).create({ ...data, organization_id: this.organizationId } as DeepPartial<E>);
  }

  /** Saves a row of the actor's organisation; a row of another organisation is refused, never written. */
  save(row: E, manager?: EntityManager): Promise<E> {
    if (row.organization_id !== this.organizationId) throw new NotFoundError(this.resourceName, row.id);
    return this.repository(manager).save(row);
  }

  /** Deletes the row if it is the actor's organisation's; true when it did. */
  async delete(id: number, manager?: EntityManager): Promise<boolean> {
    const result = await this.repository(manager).delete({ id, organization_id: this.organizationId } as never);
    return (result.affected ?? 0) > 0;
  }

  /** Sets the `@DeleteDateColumn` of the actor's organisation's row; true when it did. */
  async softDelete(id: number, manager?: EntityManager): Promise<boolean> {
    const result = await this.repository(manager).softDelete({ id, organization_id: this.organizationId } as never);
    return (result.affected ?? 0) > 0;
  }
}
