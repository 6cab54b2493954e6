import { Params } from '@angular/router';
import {
  MODEL_INVENTORY_SORT_FIELDS,
  ModelInventoryListQuery,
  ModelInventorySortField,
  ModelStatus,
} from '@model-inventory/contracts';

export const MODEL_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_MODEL_PAGE_SIZE = MODEL_PAGE_SIZES[0];

export const MODEL_GROUPINGS = ['none', 'status', 'provider', 'project', 'framework'] as const;
export type ModelGrouping = (typeof MODEL_GROUPINGS)[number];

export const MODEL_STATUSES: readonly ModelStatus[] = [
  ModelStatus.APPROVED,
  ModelStatus.RESTRICTED,
  ModelStatus.PENDING,
  ModelStatus.BLOCKED,
];

export type SortDirection = 'asc' | 'desc';

export interface ModelListSort {
  field: ModelInventorySortField;
  direction: SortDirection;
}

/** What the user filters the register by. `null` means "any". */
export interface ModelListFilters {
  search: string;
  status: ModelStatus[];
  provider: string;
  approver: string;
  security_assessment: boolean | null;
  project_id: number | null;
  framework_id: number | null;
  include_demo: boolean;
}

/** Everything that makes up one view of the register; it lives in the URL so a view can be shared. */
export interface ModelListView {
  filters: ModelListFilters;
  sort: ModelListSort | null;
  pageIndex: number;
  pageSize: number;
  groupBy: ModelGrouping;
}

export const DEFAULT_MODEL_FILTERS: Readonly<ModelListFilters> = {
  approver: '',
  framework_id: null,
  include_demo: true,
  project_id: null,
  provider: '',
  search: '',
  security_assessment: null,
  status: [],
};

export const DEFAULT_MODEL_LIST_VIEW: Readonly<ModelListView> = {
  filters: DEFAULT_MODEL_FILTERS,
  groupBy: 'none',
  pageIndex: 0,
  pageSize: DEFAULT_MODEL_PAGE_SIZE,
  sort: null,
};

/** URL query parameter names; filters use the API's own names so a shared link reads like the API call. */
export const ModelListParams = {
  approver: 'approver',
  framework: 'framework_id',
  group: 'group',
  includeDemo: 'include_demo',
  page: 'page',
  project: 'project_id',
  provider: 'provider',
  search: 'search',
  securityAssessment: 'security_assessment',
  size: 'size',
  sort: 'sort',
  status: 'status',
} as const;

/** True when a filter narrows the list (demo models hidden counts; sorting and paging do not). */
export function hasActiveFilters(filters: ModelListFilters): boolean {
  return (
    filters.search !== '' ||
    filters.status.length > 0 ||
    filters.provider !== '' ||
    filters.approver !== '' ||
    filters.security_assessment !== null ||
    filters.project_id !== null ||
    filters.framework_id !== null ||
    !filters.include_demo
  );
}

/** Reads a view back from the URL, ignoring anything malformed rather than failing. */
export function viewFromQueryParams(params: Params): ModelListView {
  const text = (name: string) => {
    const value: unknown = params[name];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  const statuses = text(ModelListParams.status)
    .split(',')
    .map((value) => value.trim())
    .filter((value): value is ModelStatus => (MODEL_STATUSES as readonly string[]).includes(value));
  const pageSize = positiveInt(text(ModelListParams.size));
  const page = positiveInt(text(ModelListParams.page));
  const group = text(ModelListParams.group);
  return {
    filters: {
      approver: text(ModelListParams.approver),
      framework_id: positiveInt(text(ModelListParams.framework)),
      include_demo: text(ModelListParams.includeDemo) !== 'false',
      project_id: positiveInt(text(ModelListParams.project)),
      provider: text(ModelListParams.provider),
      search: text(ModelListParams.search),
      security_assessment: booleanOrNull(text(ModelListParams.securityAssessment)),
      status: MODEL_STATUSES.filter((status) => statuses.includes(status)),
    },
    groupBy: (MODEL_GROUPINGS as readonly string[]).includes(group) ? (group as ModelGrouping) : 'none',
    pageIndex: page ? page - 1 : 0,
    pageSize: pageSize && (MODEL_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_MODEL_PAGE_SIZE,
    sort: parseSort(text(ModelListParams.sort)),
  };
}

/** The URL query parameters of a view; defaults are left out so links stay short. */
export function viewToQueryParams(view: ModelListView): Params {
  const { filters } = view;
  const params: Params = {};
  const set = (name: string, value: string | number | null, isDefault: boolean) => {
    if (!isDefault && value !== null) {
      params[name] = String(value);
    }
  };
  set(ModelListParams.search, filters.search.trim(), filters.search.trim() === '');
  set(ModelListParams.status, filters.status.join(','), filters.status.length === 0);
  set(ModelListParams.provider, filters.provider.trim(), filters.provider.trim() === '');
  set(ModelListParams.approver, filters.approver.trim(), filters.approver.trim() === '');
  set(ModelListParams.securityAssessment, String(filters.security_assessment), filters.security_assessment === null);
  set(ModelListParams.project, filters.project_id, filters.project_id === null);
  set(ModelListParams.framework, filters.framework_id, filters.framework_id === null);
  set(ModelListParams.includeDemo, 'false', filters.include_demo);
  set(ModelListParams.sort, view.sort && `${view.sort.field}:${view.sort.direction}`, view.sort === null);
  set(ModelListParams.page, view.pageIndex + 1, view.pageIndex === 0);
  set(ModelListParams.size, view.pageSize, view.pageSize === DEFAULT_MODEL_PAGE_SIZE);
  set(ModelListParams.group, view.groupBy, view.groupBy === 'none');
  return params;
}

/** The filters as the API takes them (list and export alike), without paging. */
export function toFilterQuery(filters: ModelListFilters, sort: ModelListSort | null): ModelInventoryListQuery {
  const query: ModelInventoryListQuery = {};
  if (filters.search.trim()) query.search = filters.search.trim();
  if (filters.status.length > 0) query.status = [...filters.status];
  if (filters.provider.trim()) query.provider = filters.provider.trim();
  if (filters.approver.trim()) query.approver = filters.approver.trim();
  if (filters.security_assessment !== null) query.security_assessment = filters.security_assessment;
  if (filters.project_id !== null) query.project_id = filters.project_id;
  if (filters.framework_id !== null) query.framework_id = filters.framework_id;
  if (!filters.include_demo) query.include_demo = false;
  if (sort) query.sort = `${sort.field}:${sort.direction}`;
  return query;
}

export function toListQuery(view: ModelListView): ModelInventoryListQuery {
  return {
    ...toFilterQuery(view.filters, view.sort),
    limit: view.pageSize,
    offset: view.pageIndex * view.pageSize,
  };
}

function parseSort(value: string): ModelListSort | null {
  const [field, direction = 'asc'] = value.split(':');
  if (!(MODEL_INVENTORY_SORT_FIELDS as readonly string[]).includes(field) || !['asc', 'desc'].includes(direction)) {
    return null;
  }
  return { direction: direction as SortDirection, field: field as ModelInventorySortField };
}

function positiveInt(value: string): number | null {
  if (!/^\d{1,9}$/.test(value)) {
    return null;
  }
  const parsed = Number(value);
  return parsed >= 1 ? parsed : null;
}

function booleanOrNull(value: string): boolean | null {
  return value === 'true' ? true : value === 'false' ? false : null;
}
