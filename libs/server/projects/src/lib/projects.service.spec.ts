import {
  ConflictError,
  ValidationFailedError,
} from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { FrameworkEntity } from './entities/framework.entity';
import { ProjectEntity } from './entities/project.entity';
import {
  FrameworksRepository,
  ProjectsRepository,
} from './projects.repository';
import { ProjectsService } from './projects.service';

const manager = {} as EntityManager;
const framework = (id: number) =>
  ({ id, name: `F${id}`, description: null }) as unknown as FrameworkEntity;

function setUp(saveFails?: unknown) {
  const dataSource = {
    transaction: (work: (m: EntityManager) => Promise<unknown>) =>
      work(manager),
  } as unknown as DataSource;
  const frameworks = {
    findByIds: jest.fn(async (ids: number[]) =>
      ids.filter((id) => id <= 3).map(framework),
    ),
  } as unknown as FrameworksRepository;
  const projects = {
    build: jest.fn(
      (fields: Partial<ProjectEntity>) => ({ ...fields }) as ProjectEntity,
    ),
    save: jest.fn(async (project: ProjectEntity) => {
      if (saveFails) throw saveFails;
      const now = new Date('2026-01-02T03:04:05Z');
      return {
        ...project,
        id: 1,
        organization_id: 7,
        created_at: now,
        updated_at: now,
      } as ProjectEntity;
    }),
  } as unknown as ProjectsRepository;
  return {
    service: new ProjectsService(dataSource, frameworks, projects),
    projects,
  };
}

describe('ProjectsService.create', () => {
  it('returns the project with its framework ids in ascending order', async () => {
    const { service } = setUp();

    const created = await service.create({
      name: 'Credit',
      frameworks: [3, 1],
    });

    expect(created).toMatchObject({
      id: 1,
      name: 'Credit',
      description: null,
      frameworks: [1, 3],
      created_at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('refuses unknown framework ids with an error naming the field and the ids', async () => {
    const { service, projects } = setUp();

    const failure = service.create({ name: 'Credit', frameworks: [1, 8, 9] });

    await expect(failure).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(failure).rejects.toMatchObject({
      errors: [{ field: 'frameworks', message: 'unknown framework ids: 8, 9' }],
    });
    expect(projects.save).not.toHaveBeenCalled();
  });

  it('turns a duplicate project name into a conflict', async () => {
    const { service } = setUp({
      driverError: { constraint: 'uq_projects_org_name' },
    });

    await expect(service.create({ name: 'Credit' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('lets any other database failure through unchanged', async () => {
    const failure = new Error('connection lost');
    const { service } = setUp(failure);

    await expect(service.create({ name: 'Credit' })).rejects.toBe(failure);
  });
});
