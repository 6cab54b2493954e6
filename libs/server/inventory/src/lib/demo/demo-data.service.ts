import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { Actor, APP_CONFIG, AppConfig, RequestContext } from '@model-inventory/server-core';
import { DEMO_ORGANIZATION_NAME, OrganizationEntity, UserEntity } from '@model-inventory/server-identity';
import { FrameworkEntity, ProjectEntity } from '@model-inventory/server-projects';
import { DataSource } from 'typeorm';
import { ModelInventoryEntity } from '../entities/model-inventory.entity';
import { InventoryService } from '../inventory.service';
import { DemoDataHooks } from './demo-hooks';
import { backdateDemoHistory } from './demo-history';
import { DEMO_MODELS, DEMO_PROJECTS } from './demo-models';

/** Realistic demo models for a zero-configuration start, made through the normal write path (history, snapshots, events). */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly dataSource: DataSource,
    private readonly hooks: DemoDataHooks,
    private readonly inventory: InventoryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo.seed) return;
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ name: DEMO_ORGANIZATION_NAME });
    const admin = organization && (await this.dataSource.getRepository(UserEntity).findOneBy({ organization_id: organization.id, role: Role.Admin }));
    if (!organization || !admin) return;
    const everHadModels = await this.dataSource.getRepository(ModelInventoryEntity).exists({ where: { organization_id: organization.id }, withDeleted: true });
    if (everHadModels) return;
    const actor: Actor = { userId: admin.id, organizationId: organization.id, role: admin.role, name: admin.name, email: admin.email };
    await RequestContext.runAs(actor, () => this.seed(organization.id));
    this.logger.log(`Seeded ${DEMO_MODELS.length} demo models into "${organization.name}"`);
  }

  /**
   * Removes the caller's organisation's demo models, each through the normal delete path, then the demo projects
   * that none of the organisation's own live models link to (a project someone started using stays).
   */
  async clear(): Promise<number> {
    const { organizationId } = RequestContext.requireActor();
    const demo = await this.dataSource.getRepository(ModelInventoryEntity).find({ select: { id: true }, where: { organization_id: organizationId, is_demo: true } });
    for (const { id } of demo) await this.inventory.remove(id);
    const projects: unknown[] = await this.dataSource.query(
      `DELETE FROM projects p
        WHERE p.organization_id = $1 AND p.is_demo
          AND NOT EXISTS (SELECT 1 FROM model_inventories_projects_frameworks l JOIN model_inventories m ON m.id = l.model_inventory_id
                           WHERE l.project_id = p.id AND m.deleted_at IS NULL)
        RETURNING p.id`,
      [organizationId],
    );
    await this.audit.record('demo_data.cleared', { details: { models_deleted: demo.length, projects_deleted: projects.length } });
    return demo.length;
  }

  private async seed(organizationId: number): Promise<void> {
    const frameworks = new Map((await this.dataSource.getRepository(FrameworkEntity).find()).map((f) => [f.name, f.id]));
    const projects = new Map<string, number>();
    for (const project of DEMO_PROJECTS) {
      const saved = await this.dataSource.getRepository(ProjectEntity).save({
        organization_id: organizationId,
        name: project.name,
        description: project.description,
        is_demo: true,
        frameworks: project.frameworks.map((name) => ({ id: frameworks.get(name) }) as FrameworkEntity),
      });
      projects.set(project.name, saved.id);
    }
    const models = new Map<string, number>();
    for (const { laterStatus: _later, ...model } of DEMO_MODELS) {
      const created = await this.inventory.create(
        { ...model, projects: model.projects.map((p) => projects.get(p) as number), frameworks: model.frameworks.map((f) => frameworks.get(f) as number) },
        { isDemo: true },
      );
      models.set(model.model, created.id);
    }
    await backdateDemoHistory(this.dataSource, organizationId);
    // The demo shows governance as it should be run: an approved model that changes materially goes back to review.
    await this.dataSource.query(
      `INSERT INTO organization_settings (organization_id, review_on_material_change) VALUES ($1, true) ON CONFLICT (organization_id) DO NOTHING`,
      [organizationId],
    );
    for (const { model, laterStatus } of DEMO_MODELS) if (laterStatus) await this.inventory.update(models.get(model) as number, { status: laterStatus });
    await this.hooks.run(models);
  }
}
