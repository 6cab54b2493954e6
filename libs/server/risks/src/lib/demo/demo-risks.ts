import { CreateModelRiskRequest, ModelRiskCategory as Category, ModelRiskLevel as Level, ModelRiskStatus as Status, RiskRating as Rating } from '@model-inventory/contracts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Realistic risks of the demo models (by model name), spread over levels, statuses and the matrix; one overdue. */
export const DEMO_RISKS: Array<Omit<CreateModelRiskRequest, 'model_id'> & { model: string }> = [
  {
    model: 'GPT-4o', risk_name: 'Hallucinated policy answers to customers', risk_category: Category.PERFORMANCE, risk_level: Level.HIGH,
    status: Status.IN_PROGRESS, owner: 'support.lead@demo.local', target_date: day(21), impact: Rating.HIGH, likelihood: Rating.MEDIUM,
    description: 'Tier-1 answers sometimes cite refund rules that do not exist.', mitigation_plan: 'Retrieval over the policy base; refuse when no source is found.',
    key_metrics: 'Unsupported-claim rate in weekly sample', current_values: '3.1%', threshold: '< 1%',
  },
  {
    model: 'credit-risk-xgb', risk_name: 'Postcode features proxy for ethnicity', risk_category: Category.BIAS, risk_level: Level.CRITICAL,
    status: Status.OPEN, owner: 'risk.officer@demo.local', target_date: day(-12), impact: Rating.VERY_HIGH, likelihood: Rating.MEDIUM,
    description: 'Approval rates differ by postcode area beyond what income explains.', mitigation_plan: 'Drop postcode; monitor the four-fifths rule quarterly.',
    key_metrics: 'Adverse impact ratio', current_values: '0.74', threshold: '>= 0.8',
  },
  {
    model: 'credit-risk-xgb', risk_name: 'Drift after interest-rate changes', risk_category: Category.DATA_QUALITY, risk_level: Level.MEDIUM,
    status: Status.OPEN, owner: 'ml-platform@demo.local', target_date: day(45), impact: Rating.MEDIUM, likelihood: Rating.HIGH,
  },
  {
    model: 'Llama 3.1 70B', risk_name: 'Prompt injection through intranet pages', risk_category: Category.SECURITY, risk_level: Level.HIGH,
    status: Status.OPEN, owner: 'security@demo.local', target_date: day(30), impact: Rating.HIGH, likelihood: Rating.HIGH,
  },
  {
    model: 'Mistral Large', risk_name: 'Data processing agreement not signed', risk_category: Category.COMPLIANCE, risk_level: Level.MEDIUM,
    status: Status.IN_PROGRESS, owner: 'legal@demo.local', target_date: day(14), impact: Rating.MEDIUM, likelihood: Rating.LOW,
  },
  {
    model: 'bert-base-multilingual-cased', risk_name: 'Gender stereotypes in embeddings', risk_category: Category.BIAS, risk_level: Level.LOW,
    status: Status.ACCEPTED, owner: 'ml-platform@demo.local', target_date: day(-30), impact: Rating.LOW, likelihood: Rating.MEDIUM,
    description: 'Accepted for internal search only; not used for decisions about people.',
  },
  {
    model: 'Stable Diffusion XL', risk_name: 'Unclear copyright of training images', risk_category: Category.COMPLIANCE, risk_level: Level.HIGH,
    status: Status.RESOLVED, owner: 'legal@demo.local', target_date: day(-5), impact: Rating.VERY_HIGH, likelihood: Rating.LOW,
    mitigation_plan: 'Model blocked; no production use.',
  },
  { model: 'Claude 3.5 Sonnet', risk_name: 'Latency spikes at month end', risk_category: Category.PERFORMANCE, risk_level: Level.LOW, status: Status.OPEN, owner: 'it.ops@demo.local', target_date: day(60) },
];
