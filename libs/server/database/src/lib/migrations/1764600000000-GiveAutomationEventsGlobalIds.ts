import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queue job ids were built from `automation_events.id`, which starts again at 1 when the database is
 * recreated or restored while Redis keeps the jobs of the old ids: BullMQ then took new events for
 * duplicates of completed jobs and dropped them. A random UUID per event names it in job ids and in the
 * webhook envelope, unique across database lifetimes.
 */
export class GiveAutomationEventsGlobalIds1764600000000 implements MigrationInterface {
  name = 'GiveAutomationEventsGlobalIds1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE automation_events ADD COLUMN uuid uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`CREATE UNIQUE INDEX ux_automation_events_uuid ON automation_events (uuid)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE automation_events DROP COLUMN uuid`);
  }
}
