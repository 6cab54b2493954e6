import { EvidenceResponse } from '@model-inventory/contracts';

/** A stored evidence file as the API answers it; override what the spec is about. */
export function anEvidence(overrides: Partial<EvidenceResponse> = {}): EvidenceResponse {
  return {
    description: null,
    evidence_type: 'Security Assessment Report',
    expiry_date: null,
    expiry_status: 'none',
    filename: 'pen-test.pdf',
    id: 12,
    mimetype: 'application/pdf',
    model: { id: 7, model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' },
    model_id: 7,
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    size: 48_213,
    upload_date: '2026-12-03T14:02:11.120Z',
    uploaded_by: { email: 'ada@example.com', id: 3, name: 'Ada Lovelace' },
    ...overrides,
  };
}
