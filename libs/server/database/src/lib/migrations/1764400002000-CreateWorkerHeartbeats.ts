import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkerHeartbeats1764400002000 implements MigrationInterface {
  name = 'CreateWorkerHeartbeats1764400002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE worker_heartbeats (
        worker_id     varchar(200) PRIMARY KEY,
        hostname      varchar(200) NOT NULL,
        pid           integer NOT NULL,
        last_seen_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE worker_heartbeats`);
  }
}
