import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventsController } from './audit-events.controller';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditLog } from './audit-log';

/** `AuditLog` for every module that records security events, and `/api/audit-events` to read them. */
@Module({
  controllers: [AuditEventsController],
  exports: [AuditLog],
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditEventsRepository, AuditLog],
})
export class AuditLogModule {}
