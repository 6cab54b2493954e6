import { ShareFilters, ShareResource } from '@model-inventory/contracts';

const RESOURCE_LABELS: Record<ShareResource, string> = { models: 'Model register', risks: 'Risk register' };

const FILTER_LABELS: Record<string, string> = {
  approver: 'Approver',
  framework_id: 'Framework #',
  has_open_risks: 'Has open risks',
  impact: 'Impact',
  include_demo: 'Demo models',
  likelihood: 'Likelihood',
  model_id: 'Model #',
  overdue: 'Overdue',
  owner: 'Owner',
  project_id: 'Project #',
  provider: 'Provider',
  risk_category: 'Category',
  risk_level: 'Level',
  search: 'Search',
  security_assessment: 'Security assessment',
  sort: 'Sorted by',
  status: 'Status',
};

export function resourceLabel(resource: ShareResource): string {
  return RESOURCE_LABELS[resource];
}

/** The filters of a link as short "Label: value" texts, e.g. `Status: Approved, Pending`; empty for the whole register. */
export function describeShareFilters(filters: ShareFilters | null | undefined): string[] {
  return Object.entries(filters ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => {
      const label = FILTER_LABELS[key] ?? key;
      const text = Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
      return label.endsWith('#') ? `${label}${text}` : `${label}: ${text}`;
    });
}

/**
 * The filters a link of this resource can carry. A risk link shows active risks only, so the Risks tab's
 * "deleted" or "all" choice is left out (with a note for the user); the rest is shared as applied.
 */
export function shareableFilters(resource: ShareResource, filters: ShareFilters): { filters: ShareFilters; note: string | null } {
  if (resource !== 'risks' || !('filter' in filters) || filters.filter === undefined || filters.filter === 'active') {
    return { filters, note: null };
  }
  const { filter: _onlyActive, ...rest } = filters;
  return { filters: rest, note: 'A share link shows active risks only: deleted risks are not shared.' };
}
