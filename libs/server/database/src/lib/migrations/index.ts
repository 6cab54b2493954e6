import { CreateOrganizationsAndUsers1764400000000 } from './1764400000000-CreateOrganizationsAndUsers';
import { CreateFrameworksAndProjects1764400001000 } from './1764400001000-CreateFrameworksAndProjects';
import { CreateWorkerHeartbeats1764400002000 } from './1764400002000-CreateWorkerHeartbeats';
import { CreateModelInventory1764500000000 } from './1764500000000-CreateModelInventory';
import { CreateAutomationOutboxAndWebhooks1764500001000 } from './1764500001000-CreateAutomationOutboxAndWebhooks';
import { CreateModelInventoryCounters1764500002000 } from './1764500002000-CreateModelInventoryCounters';
import { CountEveryOrganizationWithModels1764500003000 } from './1764500003000-CountEveryOrganizationWithModels';
import { GiveAutomationEventsGlobalIds1764600000000 } from './1764600000000-GiveAutomationEventsGlobalIds';
import { GeneraliseChangeHistory1764600001000 } from './1764600001000-GeneraliseChangeHistory';
import { CreateModelRisks1764700000000 } from './1764700000000-CreateModelRisks';
import { CreateSessionsApiTokensAndAuditEvents1764710000000 } from './1764710000000-CreateSessionsApiTokensAndAuditEvents';
import { CreateModelStatusDecisions1764720000000 } from './1764720000000-CreateModelStatusDecisions';
import { MarkDemoProjects1764720001000 } from './1764720001000-MarkDemoProjects';
import { CreateShareLinks1764730000000 } from './1764730000000-CreateShareLinks';
import { CreateModelEvidence1764800000000 } from './1764800000000-CreateModelEvidence';
import { AddGovernanceSettings1764820000000 } from './1764820000000-AddGovernanceSettings';
import { SealWebhookSecrets1764830000000 } from './1764830000000-SealWebhookSecrets';
import { CreateMlflowIntegrationsAndRecords1764810000000 } from './1764810000000-CreateMlflowIntegrationsAndRecords';
import { CreateUserInvitations1764840000000 } from './1764840000000-CreateUserInvitations';

/** In order. Add new migrations at the end; never edit one that has shipped. */
export const MIGRATIONS = [
  CreateOrganizationsAndUsers1764400000000,
  CreateFrameworksAndProjects1764400001000,
  CreateWorkerHeartbeats1764400002000,
  CreateModelInventory1764500000000,
  CreateAutomationOutboxAndWebhooks1764500001000,
  CreateModelInventoryCounters1764500002000,
  CountEveryOrganizationWithModels1764500003000,
  GiveAutomationEventsGlobalIds1764600000000,
  GeneraliseChangeHistory1764600001000,
  CreateModelRisks1764700000000,
  CreateSessionsApiTokensAndAuditEvents1764710000000,
  CreateModelStatusDecisions1764720000000,
  MarkDemoProjects1764720001000,
  CreateShareLinks1764730000000,
  CreateModelEvidence1764800000000,
  CreateMlflowIntegrationsAndRecords1764810000000,
  AddGovernanceSettings1764820000000,
  SealWebhookSecrets1764830000000,
  CreateUserInvitations1764840000000,
];
