import { ModelInventoryTab } from '@model-inventory/contracts';

export interface InventoryTabDetails {
  /** Empty-state heading and message: what the tab will hold once it is built. */
  heading: string;
  icon: string;
  label: string;
  message: string;
}

export const INVENTORY_TABS: Readonly<Record<ModelInventoryTab, InventoryTabDetails>> = {
  models: {
    heading: 'Your model register',
    icon: 'model_training',
    label: 'Models',
    message:
      'Every AI and ML model in your organisation will be listed here, with its owner, purpose, lifecycle stage, risk tier and approval status.',
  },
  risks: {
    heading: 'Model risks',
    icon: 'report',
    label: 'Risks',
    message:
      'Risks raised against each model will appear here, with their likelihood, impact, mitigations and owners, so reviewers can track them to closure.',
  },
  evidence: {
    heading: 'Security and compliance evidence',
    icon: 'verified_user',
    label: 'Evidence',
    message:
      'Evidence attached to models, such as security test results, model cards and assessments, will be collected here for reviewers and auditors.',
  },
  mlflow: {
    heading: 'MLflow synchronisation',
    icon: 'sync',
    label: 'MLflow',
    message:
      'Connect an MLflow tracking server to import registered models and versions and keep the inventory in sync with what is deployed.',
  },
};
