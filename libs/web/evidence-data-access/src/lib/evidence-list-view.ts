import { Params } from '@angular/router';
import { EVIDENCE_SORT_FIELDS, EVIDENCE_TYPES, EvidenceListQuery, EvidenceType } from '@model-inventory/contracts';

export const EVIDENCE_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_EVIDENCE_PAGE_SIZE = EVIDENCE_PAGE_SIZES[0];

export type EvidenceSortField = (typeof EVIDENCE_SORT_FIELDS)[number];
export interface EvidenceListSort {
  field: EvidenceSortField;
  direction: 'asc' | 'desc';
}

/** How the hub's rows are grouped under header rows. */
export const EVIDENCE_GROUPINGS = ['none', 'type', 'model', 'uploader'] as const;
export type EvidenceGrouping = (typeof EVIDENCE_GROUPINGS)[number];

/**
 * The API sort that makes a grouping's groups contiguous across pages. The API cannot sort by uploader, so that
 * grouping (and any grouping under another sort) only gathers the rows of the page shown.
 */
export const EVIDENCE_GROUP_SORT: Readonly<Partial<Record<EvidenceGrouping, EvidenceSortField>>> = {
  model: 'model',
  type: 'evidence_type',
};

/** What the user narrows the hub to. Empty text, empty lists and `null` mean "any". */
export interface EvidenceListFilters {
  search: string;
  evidence_type: EvidenceType[];
  model_id: number | null;
  /** Not yet expired, expiring within this many days. */
  expiring_within_days: number | null;
  /** true: only expired; false: only unexpired or undated. */
  expired: boolean | null;
}

/** One view of the hub; it lives in the URL so a view can be shared and Back works. */
export interface EvidenceListView {
  filters: EvidenceListFilters;
  sort: EvidenceListSort | null;
  groupBy: EvidenceGrouping;
  pageIndex: number;
  pageSize: number;
}

export const DEFAULT_EVIDENCE_FILTERS: Readonly<EvidenceListFilters> = {
  evidence_type: [],
  expired: null,
  expiring_within_days: null,
  model_id: null,
  search: '',
};

/** URL query parameter names: the API's own, so a shared link reads like the API call. */
export const EvidenceListParams = {
  expired: 'expired',
  expiring: 'expiring_within_days',
  group: 'group',
  model: 'model_id',
  page: 'page',
  search: 'search',
  size: 'size',
  sort: 'sort',
  type: 'evidence_type',
} as const;

export function hasActiveEvidenceFilters(filters: EvidenceListFilters): boolean {
  return (
    filters.search !== '' ||
    filters.evidence_type.length > 0 ||
    filters.model_id !== null ||
    filters.expiring_within_days !== null ||
    filters.expired !== null
  );
}

/** Reads a view back from the URL, ignoring anything malformed rather than failing. */
export function evidenceViewFromParams(params: Params): EvidenceListView {
  const text = (name: string) => {
    const value: unknown = params[name];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  const chosenTypes = new Set(text(EvidenceListParams.type).split(',').map((type) => type.trim()));
  const pageSize = positiveInt(text(EvidenceListParams.size));
  const page = positiveInt(text(EvidenceListParams.page));
  const expired = text(EvidenceListParams.expired);
  const group = text(EvidenceListParams.group);
  return {
    filters: {
      evidence_type: EVIDENCE_TYPES.filter((type) => chosenTypes.has(type)),
      expired: expired === 'true' ? true : expired === 'false' ? false : null,
      expiring_within_days: positiveInt(text(EvidenceListParams.expiring)),
      model_id: positiveInt(text(EvidenceListParams.model)),
      search: text(EvidenceListParams.search),
    },
    groupBy: (EVIDENCE_GROUPINGS as readonly string[]).includes(group) ? (group as EvidenceGrouping) : 'none',
    pageIndex: page ? page - 1 : 0,
    pageSize: pageSize && (EVIDENCE_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_EVIDENCE_PAGE_SIZE,
    sort: parseSort(text(EvidenceListParams.sort)),
  };
}

/** The URL query parameters of a view; defaults are left out so links stay short. */
export function evidenceViewToParams(view: EvidenceListView): Params {
  const { filters } = view;
  const params: Params = {};
  const set = (name: string, value: string | number | null, isDefault: boolean) => {
    if (!isDefault && value !== null) params[name] = String(value);
  };
  set(EvidenceListParams.search, filters.search.trim(), filters.search.trim() === '');
  set(EvidenceListParams.type, filters.evidence_type.join(','), filters.evidence_type.length === 0);
  set(EvidenceListParams.model, filters.model_id, filters.model_id === null);
  set(EvidenceListParams.expiring, filters.expiring_within_days, filters.expiring_within_days === null);
  set(EvidenceListParams.expired, String(filters.expired), filters.expired === null);
  set(EvidenceListParams.sort, view.sort && `${view.sort.field}:${view.sort.direction}`, view.sort === null);
  set(EvidenceListParams.group, view.groupBy, view.groupBy === 'none');
  set(EvidenceListParams.page, view.pageIndex + 1, view.pageIndex === 0);
  set(EvidenceListParams.size, view.pageSize, view.pageSize === DEFAULT_EVIDENCE_PAGE_SIZE);
  return params;
}

/**
 * The view grouped another way. Grouping by type or model also sorts by that field (ascending), so each group runs
 * unbroken across pages; grouping by uploader or none keeps the current sort. Back to the first page either way.
 */
export function withGrouping(view: EvidenceListView, groupBy: EvidenceGrouping): EvidenceListView {
  const field = EVIDENCE_GROUP_SORT[groupBy];
  const sort = field && view.sort?.field !== field ? { direction: 'asc' as const, field } : view.sort;
  return { ...view, groupBy, pageIndex: 0, sort };
}

/** Whether the page is sorted by the grouping's field, so its groups are contiguous across pages. */
export function groupsSpanPages(view: Pick<EvidenceListView, 'groupBy' | 'sort'>): boolean {
  const field = EVIDENCE_GROUP_SORT[view.groupBy];
  return field !== undefined && view.sort?.field === field;
}

/** What the list request asks the API for. */
export function toEvidenceListQuery(view: EvidenceListView): EvidenceListQuery {
  const { filters, sort } = view;
  const query: EvidenceListQuery = { limit: view.pageSize, offset: view.pageIndex * view.pageSize };
  if (filters.search.trim()) query.search = filters.search.trim();
  if (filters.evidence_type.length > 0) query.evidence_type = [...filters.evidence_type];
  if (filters.model_id !== null) query.model_id = filters.model_id;
  if (filters.expiring_within_days !== null) query.expiring_within_days = filters.expiring_within_days;
  if (filters.expired !== null) query.expired = filters.expired;
  if (sort) query.sort = `${sort.field}:${sort.direction}`;
  return query;
}

function parseSort(value: string): EvidenceListSort | null {
  const [field, direction = 'asc'] = value.split(':');
  if (!(EVIDENCE_SORT_FIELDS as readonly string[]).includes(field) || (direction !== 'asc' && direction !== 'desc')) {
    return null;
  }
  return { direction, field: field as EvidenceSortField };
}

/** A positive 32-bit id, page or day count, as the API takes them. */
function positiveInt(value: string): number | null {
  if (!/^\d{1,10}$/.test(value)) return null;
  const parsed = Number(value);
  return parsed >= 1 && parsed <= 2_147_483_647 ? parsed : null;
}
