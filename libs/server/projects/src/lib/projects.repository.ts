import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource, EntityManager, In } from 'typeorm';
import { FrameworkEntity } from './entities/framework.entity';
import { ProjectEntity } from './entities/project.entity';

@Injectable()
export class ProjectsRepository extends TenantRepository<ProjectEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ProjectEntity, 'Project');
  }

  findPage(limit: number, offset: number, search?: string): Promise<[ProjectEntity[], number]> {
    const query = this.scoped('project').leftJoinAndSelect('project.frameworks', 'framework');
    if (search) query.andWhere('project.name ILIKE :search', { search: `%${search.replace(/[\\%_]/g, '\\$&')}%` });
    return query.orderBy('project.name', 'ASC').addOrderBy('project.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  override findById(id: number, manager?: EntityManager): Promise<ProjectEntity | null> {
    return this.scoped('project', manager).leftJoinAndSelect('project.frameworks', 'framework').andWhere('project.id = :id', { id }).getOne();
  }

}

@Injectable()
export class FrameworksRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<FrameworkEntity[]> {
    return this.dataSource.getRepository(FrameworkEntity).find({ order: { id: 'ASC' } });
  }

  findByIds(ids: number[], manager?: EntityManager): Promise<FrameworkEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).getRepository(FrameworkEntity).findBy({ id: In(ids) });
  }
}
