import { Injectable } from '@nestjs/common';
import { APPROVAL_EVIDENCE_TYPE } from '@model-inventory/contracts';
import { ConflictError } from '@model-inventory/server-core';
import { EntityManager } from 'typeorm';
import { todayUtc } from '../evidence.mapper';
import { EvidenceRepository } from '../evidence.repository';
import { OrganizationSettingsRepository } from '@model-inventory/server-inventory';

export const APPROVAL_GATE_RULE = 'approval_requires_evidence';

/** With the organisation's `approval_requires_evidence` on, Approved needs an unexpired Security Assessment Report. */
@Injectable()
export class EvidenceApprovalGate {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly settings: OrganizationSettingsRepository,
  ) {}

  readonly check = async (modelId: number | null, manager?: EntityManager): Promise<void> => {
    if (!(await this.settings.find(manager)).approval_requires_evidence) return;
    if (modelId !== null && (await this.evidence.hasUnexpiredApprovalEvidence(modelId, todayUtc(), manager))) return;
    throw new ConflictError(
      `The organisation's rule ${APPROVAL_GATE_RULE} is on: a model is set to Approved only with at least one unexpired "${APPROVAL_EVIDENCE_TYPE}" among its evidence` +
        (modelId === null ? ' (create it as Pending, upload the report, then approve it).' : '; upload one, then approve the model.'),
    );
  };
}
