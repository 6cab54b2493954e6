import { ModelStatus } from '@model-inventory/contracts';

export interface StatusDetails {
  icon: string;
  /** What the status means for the people using the model. */
  description: string;
}

export const STATUS_DETAILS: Readonly<Record<ModelStatus, StatusDetails>> = {
  [ModelStatus.APPROVED]: { description: 'Cleared for use', icon: 'check_circle' },
  [ModelStatus.RESTRICTED]: { description: 'Use under conditions', icon: 'error' },
  [ModelStatus.PENDING]: { description: 'Awaiting review', icon: 'schedule' },
  [ModelStatus.BLOCKED]: { description: 'Must not be used', icon: 'block' },
};
