import { CreateModelInventoryRequest, ModelStatus } from '@model-inventory/contracts';

export const DEMO_PROJECTS = [
  { name: 'Customer Support Assistant', description: 'LLM answers for tier-1 support tickets.', frameworks: ['EU AI Act', 'ISO/IEC 42001'] },
  { name: 'Credit Risk Scoring', description: 'In-house scoring models for consumer lending.', frameworks: ['EU AI Act', 'NIST AI RMF'] },
  { name: 'Internal Knowledge Search', description: 'Retrieval-augmented search over the intranet.', frameworks: ['ISO/IEC 27001'] },
];

type DemoModel = Omit<CreateModelInventoryRequest, 'projects' | 'frameworks'> & { projects: string[]; frameworks: string[]; laterStatus?: ModelStatus };

/** A day `offset` days ago; the demo back-dates each model's creation to its status date, so charts show a year. */
const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

export const DEMO_MODELS: DemoModel[] = [
  {
    provider: 'OpenAI', model: 'GPT-4o', version: '2024-08-06', approver: 'governance@demo.local', capabilities: ['text-generation', 'summarization', 'vision'],
    security_assessment: true, status: ModelStatus.APPROVED, status_date: day(200), reference_link: 'https://platform.openai.com/docs/models',
    biases: 'Western-centric training data; uneven quality across languages.', limitations: 'Hallucinations on niche facts; 128k context window.',
    hosting_provider: 'OpenAI (US)', projects: ['Customer Support Assistant'], frameworks: ['EU AI Act'],
  },
  {
    provider: 'Anthropic', model: 'Claude 3.5 Sonnet', version: '20241022', approver: 'governance@demo.local', capabilities: ['text-generation', 'code', 'analysis'],
    security_assessment: true, status: ModelStatus.APPROVED, status_date: day(120), reference_link: 'https://docs.anthropic.com/en/docs/about-claude/models',
    biases: 'May refuse borderline but legitimate requests.', limitations: 'No internet access; knowledge cut-off applies.',
    hosting_provider: 'AWS Bedrock (EU)', projects: ['Internal Knowledge Search'], frameworks: ['ISO/IEC 27001'],
  },
  {
    provider: 'Meta', model: 'Llama 3.1 70B', version: '3.1', approver: 'ml-platform@demo.local', capabilities: ['text-generation', 'classification'],
    security_assessment: false, status: ModelStatus.PENDING, status_date: day(6), reference_link: 'https://llama.meta.com',
    biases: 'Community licence; fairness evaluation not yet done in-house.', limitations: 'Self-hosted GPU capacity limits throughput.',
    hosting_provider: 'On-premises', projects: ['Internal Knowledge Search'], frameworks: [], laterStatus: ModelStatus.RESTRICTED,
  },
  {
    provider: 'In-house', model: 'credit-risk-xgb', version: '4.2.0', approver: 'risk.officer@demo.local', capabilities: ['classification', 'scoring'],
    security_assessment: true, status: ModelStatus.APPROVED, status_date: day(340), reference_link: 'https://mlflow.demo.local/#/models/credit-risk-xgb',
    biases: 'Postcode features may proxy for protected attributes; monitored quarterly.', limitations: 'Trained on 2019–2024 data; drift expected after rate changes.',
    hosting_provider: 'Kubernetes (EU)', projects: ['Credit Risk Scoring'], frameworks: ['EU AI Act', 'NIST AI RMF'],
  },
  {
    provider: 'Mistral AI', model: 'Mistral Large', version: '2407', approver: 'governance@demo.local', capabilities: ['text-generation', 'translation'],
    security_assessment: false, status: ModelStatus.PENDING, status_date: day(2), reference_link: 'https://docs.mistral.ai',
    biases: 'Stronger in French and English than other EU languages.', limitations: 'Vendor DPA under legal review.',
    hosting_provider: 'Mistral (EU)', projects: ['Customer Support Assistant'], frameworks: [],
  },
  {
    provider: 'Hugging Face', model: 'bert-base-multilingual-cased', version: '1.0', approver: 'ml-platform@demo.local', capabilities: ['embedding', 'classification'],
    security_assessment: true, status: ModelStatus.RESTRICTED, status_date: day(270), reference_link: 'https://huggingface.co/bert-base-multilingual-cased',
    biases: 'Wikipedia-derived corpus; gender stereotypes in embeddings.', limitations: 'Internal use only; not for customer-facing decisions.',
    hosting_provider: 'On-premises', projects: ['Internal Knowledge Search'], frameworks: [],
  },
  {
    provider: 'Stability AI', model: 'Stable Diffusion XL', version: '1.0', approver: 'governance@demo.local', capabilities: ['image-generation'],
    security_assessment: false, status: ModelStatus.BLOCKED, status_date: day(45), reference_link: 'https://stability.ai',
    biases: 'Reproduces stereotypes in generated people.', limitations: 'Copyright provenance of training data unresolved.',
    hosting_provider: 'Cloud', projects: [], frameworks: ['EU AI Act'],
  },
];
