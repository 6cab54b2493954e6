import { Processor } from '@nestjs/bullmq';
import { EvidenceJob, JobHandlers, JobRouter, QueueName } from '@model-inventory/server-core';
import { EvidenceExpiryService } from './evidence-expiry.service';

@Processor(QueueName.evidence)
export class EvidenceProcessor extends JobRouter<typeof QueueName.evidence> {
  protected readonly queueName = QueueName.evidence;
  protected readonly handlers: JobHandlers<typeof QueueName.evidence> = {
    [EvidenceJob.expirySweep]: () => this.expiry.run(),
  };

  constructor(private readonly expiry: EvidenceExpiryService) {
    super();
  }
}
