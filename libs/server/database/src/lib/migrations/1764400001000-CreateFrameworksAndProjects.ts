import { MigrationInterface, QueryRunner } from 'typeorm';

const FRAMEWORKS: [string, string][] = [
  ['EU AI Act', 'Regulation (EU) 2024/1689 laying down harmonised rules on artificial intelligence.'],
  ['ISO/IEC 42001', 'AI management system: requirements for establishing, operating and improving an AIMS.'],
  ['NIST AI RMF', 'NIST AI Risk Management Framework 1.0: govern, map, measure and manage AI risks.'],
  ['ISO/IEC 27001', 'Information security management systems: requirements.'],
  ['ISO/IEC 23894', 'Guidance on risk management for AI.'],
];

export class CreateFrameworksAndProjects1764400001000 implements MigrationInterface {
  name = 'CreateFrameworksAndProjects1764400001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE frameworks (
        id           serial PRIMARY KEY,
        name         varchar(120) NOT NULL UNIQUE,
        description  text NOT NULL DEFAULT '',
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [name, description] of FRAMEWORKS) {
      await queryRunner.query(`INSERT INTO frameworks (name, description) VALUES ($1, $2)`, [name, description]);
    }
    await queryRunner.query(`
      CREATE TABLE projects (
        id               serial PRIMARY KEY,
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name             varchar(200) NOT NULL,
        description      text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_projects_org_name ON projects (organization_id, lower(name))`);
    await queryRunner.query(`
      CREATE TABLE project_frameworks (
        project_id    integer NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        framework_id  integer NOT NULL REFERENCES frameworks(id),
        PRIMARY KEY (project_id, framework_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_frameworks`);
    await queryRunner.query(`DROP TABLE projects`);
    await queryRunner.query(`DROP TABLE frameworks`);
  }
}
