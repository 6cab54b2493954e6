import { ModelInventoryResponse, ModelStatus } from '@model-inventory/contracts';

/** A complete model as the API returns it, for tests. */
export function aModel(overrides: Partial<ModelInventoryResponse> = {}): ModelInventoryResponse {
  return {
    approver: 'governance@acme.test',
    biases: 'Western-centric training data.',
    capabilities: ['text-generation', 'summarization'],
    created_at: '2026-01-05T09:00:00.000Z',
    frameworks: [],
    hosting_provider: 'Azure (EU)',
    id: 1,
    is_demo: false,
    limitations: 'Hallucinates on niche facts.',
    model: 'GPT-4o',
    open_risk_count: 0,
    approved_by: null,
    approved_at: null,
    status_rationale: null,
    organization_id: 7,
    projects: [],
    provider: 'OpenAI',
    reference_link: 'https://platform.openai.com/docs/models',
    security_assessment: true,
    security_assessment_data: [],
    status: ModelStatus.APPROVED,
    status_date: '2026-01-05',
    updated_at: '2026-01-05T09:00:00.000Z',
    version: '2024-08-06',
    version_number: 1,
    ...overrides,
  };
}
