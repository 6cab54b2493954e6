import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demo projects are marked like demo models, so "Clear demo data" removes them too. Existing installations: a
 * project only demo models ever linked to is a demo project.
 */
export class MarkDemoProjects1764720001000 implements MigrationInterface {
  name = 'MarkDemoProjects1764720001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects ADD COLUMN is_demo boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      UPDATE projects p SET is_demo = true
       WHERE EXISTS (SELECT 1 FROM model_inventories_projects_frameworks l JOIN model_inventories m ON m.id = l.model_inventory_id
                      WHERE l.project_id = p.id AND m.is_demo)
         AND NOT EXISTS (SELECT 1 FROM model_inventories_projects_frameworks l JOIN model_inventories m ON m.id = l.model_inventory_id
                          WHERE l.project_id = p.id AND NOT m.is_demo)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE projects DROP COLUMN is_demo`);
  }
}
