import { FrameworkResponse, ProjectResponse } from '@model-inventory/contracts';

/** A project as the API lists it; override what a spec cares about. */
export function aProject(overrides: Partial<ProjectResponse> = {}): ProjectResponse {
  return {
    created_at: '2026-11-02T09:00:00Z',
    description: 'Answers customer e-mails',
    frameworks: [1],
    id: 1,
    name: 'Customer support assistant',
    organization_id: 1,
    updated_at: '2026-11-02T09:00:00Z',
    ...overrides,
  };
}

/** The frameworks as `GET /api/frameworks` answers them. */
export const FRAMEWORKS: FrameworkResponse[] = [
  { description: 'The EU regulation on AI', id: 1, name: 'EU AI Act' },
  { description: 'AI management system standard', id: 2, name: 'ISO/IEC 42001' },
  { description: 'NIST AI Risk Management Framework', id: 3, name: 'NIST AI RMF' },
];
