import { Injectable } from '@nestjs/common';
import { HeartbeatJobResult } from '@model-inventory/server-core';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { WorkerHeartbeatEntity } from './worker-heartbeat.entity';

export const WORKER_ONLINE_WINDOW_MS = 90_000;

@Injectable()
export class HeartbeatService {
  private readonly workerId = `${hostname()}:${process.pid}`;

  constructor(private readonly dataSource: DataSource) {}

  async beat(): Promise<HeartbeatJobResult> {
    const now = new Date();
    await this.dataSource
      .getRepository(WorkerHeartbeatEntity)
      .upsert({ worker_id: this.workerId, hostname: hostname(), pid: process.pid, last_seen_at: now }, ['worker_id']);
    return { worker_id: this.workerId, processed_at: now.toISOString() };
  }

  recent(): Promise<WorkerHeartbeatEntity[]> {
    return this.dataSource.getRepository(WorkerHeartbeatEntity).find({ order: { last_seen_at: 'DESC' }, take: 20 });
  }
}
