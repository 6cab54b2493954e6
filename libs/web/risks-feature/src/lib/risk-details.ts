import { ModelRiskLevel, ModelRiskStatus, RiskModelSummary } from '@model-inventory/contracts';
import { RISK_LEVELS } from '@model-inventory/web-risks-data-access';

export interface RiskValueDetails {
  icon: string;
  /** What the value means for the people working on the risk. */
  description: string;
}

export const LEVEL_DETAILS: Readonly<Record<ModelRiskLevel, RiskValueDetails>> = {
  [ModelRiskLevel.LOW]: { description: 'Monitor it', icon: 'stat_1' },
  [ModelRiskLevel.MEDIUM]: { description: 'Plan a mitigation', icon: 'stat_2' },
  [ModelRiskLevel.HIGH]: { description: 'Mitigate soon', icon: 'stat_3' },
  [ModelRiskLevel.CRITICAL]: { description: 'Act now', icon: 'crisis_alert' },
};

export const STATUS_DETAILS: Readonly<Record<ModelRiskStatus, RiskValueDetails>> = {
  [ModelRiskStatus.OPEN]: { description: 'Raised, not yet worked on', icon: 'flag' },
  [ModelRiskStatus.IN_PROGRESS]: { description: 'Being mitigated', icon: 'pending' },
  [ModelRiskStatus.RESOLVED]: { description: 'Mitigated', icon: 'task_alt' },
  [ModelRiskStatus.ACCEPTED]: { description: 'Kept knowingly', icon: 'thumb_up' },
};

export interface TransitionAction {
  /** The button's label, e.g. "Start mitigation". */
  label: string;
  icon: string;
  /** What moving there means, as the button's tooltip. */
  hint: string;
}

/** The action that moves a risk to a status; the dialog offers one per `allowed_transitions` entry. */
export const TRANSITION_ACTIONS: Readonly<Record<ModelRiskStatus, TransitionAction>> = {
  [ModelRiskStatus.OPEN]: { hint: 'Open the risk again', icon: 'replay', label: 'Reopen' },
  [ModelRiskStatus.IN_PROGRESS]: { hint: 'Work on reducing the risk has started', icon: 'play_arrow', label: 'Start mitigation' },
  [ModelRiskStatus.RESOLVED]: { hint: 'The risk is mitigated', icon: 'task_alt', label: 'Mark resolved' },
  [ModelRiskStatus.ACCEPTED]: {
    hint: 'Keep the risk knowingly; you are recorded as the person who accepted it',
    icon: 'thumb_up',
    label: 'Accept risk',
  },
};

/** Labels of a risk's fields, as the form and the Activity tab name them. */
export const RISK_FIELD_LABELS: Readonly<Record<string, string>> = {
  current_values: 'Current values',
  description: 'Description',
  impact: 'Impact',
  key_metrics: 'Key metrics',
  likelihood: 'Likelihood',
  mitigation_plan: 'Mitigation plan',
  model_id: 'Model',
  owner: 'Owner',
  risk_category: 'Category',
  risk_level: 'Level',
  risk_name: 'Risk',
  status: 'Status',
  target_date: 'Target date',
  threshold: 'Threshold',
};

export function isRiskLevel(value: string): value is ModelRiskLevel {
  return (RISK_LEVELS as readonly string[]).includes(value);
}

/** How a risk's model is named on screen: "GPT-4o 2024-08-06". */
export function modelLabel(model: Pick<RiskModelSummary, 'model' | 'version'>): string {
  return `${model.model} ${model.version}`;
}

/** `YYYY-MM-DD` as a local date (not UTC midnight, which is the day before west of Greenwich). */
export function fromIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Mar 31, 2026" for a `YYYY-MM-DD` date. */
export function formatDate(value: string): string {
  const date = fromIsoDate(value);
  return date ? date.toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' }) : value;
}
