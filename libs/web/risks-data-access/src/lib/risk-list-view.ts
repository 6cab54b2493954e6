import { Params } from '@angular/router';
import {
  MODEL_RISK_SORT_FIELDS,
  ModelRiskCategory,
  ModelRiskLevel,
  ModelRiskListQuery,
  ModelRiskSortField,
  ModelRiskStatus,
  RISK_FILTERS,
  RISK_RATINGS,
  RiskFilter,
  RiskRating,
} from '@model-inventory/contracts';

export const RISK_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_RISK_PAGE_SIZE = RISK_PAGE_SIZES[0];

export const RISK_GROUPINGS = ['none', 'level', 'status', 'category', 'model', 'owner'] as const;
export type RiskGrouping = (typeof RISK_GROUPINGS)[number];

/** Levels from the mildest to the most severe, as the summary cards show them. */
export const RISK_LEVELS: readonly ModelRiskLevel[] = [
  ModelRiskLevel.LOW,
  ModelRiskLevel.MEDIUM,
  ModelRiskLevel.HIGH,
  ModelRiskLevel.CRITICAL,
];

/** Statuses in the order of the workflow. */
export const RISK_STATUSES: readonly ModelRiskStatus[] = [
  ModelRiskStatus.OPEN,
  ModelRiskStatus.IN_PROGRESS,
  ModelRiskStatus.RESOLVED,
  ModelRiskStatus.ACCEPTED,
];

export const RISK_CATEGORIES: readonly ModelRiskCategory[] = [
  ModelRiskCategory.PERFORMANCE,
  ModelRiskCategory.BIAS,
  ModelRiskCategory.SECURITY,
  ModelRiskCategory.DATA_QUALITY,
  ModelRiskCategory.COMPLIANCE,
];

export type SortDirection = 'asc' | 'desc';

export interface RiskListSort {
  field: ModelRiskSortField;
  direction: SortDirection;
}

/** What the user narrows the risks to. Empty text, empty lists and `null` mean "any". */
export interface RiskListFilters {
  /** Active risks (the default), deleted ones, or all. */
  filter: RiskFilter;
  search: string;
  risk_level: ModelRiskLevel[];
  risk_category: ModelRiskCategory[];
  status: ModelRiskStatus[];
  owner: string;
  model_id: number | null;
  overdue: boolean | null;
  /** One cell of the risk matrix: both are set together by clicking it. */
  impact: RiskRating | null;
  likelihood: RiskRating | null;
}

/** Everything that makes up one view of the risks; it lives in the URL so a view can be shared. */
export interface RiskListView {
  filters: RiskListFilters;
  sort: RiskListSort | null;
  pageIndex: number;
  pageSize: number;
  groupBy: RiskGrouping;
  /** The impact × likelihood matrix is shown above the table. */
  showMatrix: boolean;
}

export const DEFAULT_RISK_FILTERS: Readonly<RiskListFilters> = {
  filter: 'active',
  impact: null,
  likelihood: null,
  model_id: null,
  overdue: null,
  owner: '',
  risk_category: [],
  risk_level: [],
  search: '',
  status: [],
};

export const DEFAULT_RISK_LIST_VIEW: Readonly<RiskListView> = {
  filters: DEFAULT_RISK_FILTERS,
  groupBy: 'none',
  pageIndex: 0,
  pageSize: DEFAULT_RISK_PAGE_SIZE,
  showMatrix: false,
  sort: null,
};

/** URL query parameter names; filters use the API's own names so a shared link reads like the API call. */
export const RiskListParams = {
  category: 'risk_category',
  filter: 'filter',
  group: 'group',
  impact: 'impact',
  level: 'risk_level',
  likelihood: 'likelihood',
  matrix: 'matrix',
  model: 'model_id',
  overdue: 'overdue',
  owner: 'owner',
  page: 'page',
  search: 'search',
  size: 'size',
  sort: 'sort',
  status: 'status',
} as const;

/** True when a filter narrows the list (showing deleted risks counts; sorting, paging and the matrix do not). */
export function hasActiveFilters(filters: RiskListFilters): boolean {
  return (
    filters.filter !== 'active' ||
    filters.search !== '' ||
    filters.risk_level.length > 0 ||
    filters.risk_category.length > 0 ||
    filters.status.length > 0 ||
    filters.owner !== '' ||
    filters.model_id !== null ||
    filters.overdue !== null ||
    filters.impact !== null ||
    filters.likelihood !== null
  );
}

/** Reads a view back from the URL, ignoring anything malformed rather than failing. */
export function viewFromQueryParams(params: Params): RiskListView {
  const text = (name: string) => {
    const value: unknown = params[name];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.trim() : '';
  };
  const pageSize = positiveInt(text(RiskListParams.size));
  const page = positiveInt(text(RiskListParams.page));
  const group = text(RiskListParams.group);
  const filter = text(RiskListParams.filter);
  return {
    filters: {
      filter: (RISK_FILTERS as readonly string[]).includes(filter) ? (filter as RiskFilter) : 'active',
      impact: oneOf(RISK_RATINGS, text(RiskListParams.impact)),
      likelihood: oneOf(RISK_RATINGS, text(RiskListParams.likelihood)),
      model_id: positiveInt(text(RiskListParams.model)),
      overdue: booleanOrNull(text(RiskListParams.overdue)),
      owner: text(RiskListParams.owner),
      risk_category: listOf(RISK_CATEGORIES, text(RiskListParams.category)),
      risk_level: listOf(RISK_LEVELS, text(RiskListParams.level)),
      search: text(RiskListParams.search),
      status: listOf(RISK_STATUSES, text(RiskListParams.status)),
    },
    groupBy: (RISK_GROUPINGS as readonly string[]).includes(group) ? (group as RiskGrouping) : 'none',
    pageIndex: page ? page - 1 : 0,
    pageSize: pageSize && (RISK_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_RISK_PAGE_SIZE,
    showMatrix: text(RiskListParams.matrix) === 'true',
    sort: parseSort(text(RiskListParams.sort)),
  };
}

/** The URL query parameters of a view; defaults are left out so links stay short. */
export function viewToQueryParams(view: RiskListView): Params {
  const { filters } = view;
  const params: Params = {};
  const set = (name: string, value: string | number | null, isDefault: boolean) => {
    if (!isDefault && value !== null) {
      params[name] = String(value);
    }
  };
  set(RiskListParams.filter, filters.filter, filters.filter === 'active');
  set(RiskListParams.search, filters.search.trim(), filters.search.trim() === '');
  set(RiskListParams.level, filters.risk_level.join(','), filters.risk_level.length === 0);
  set(RiskListParams.category, filters.risk_category.join(','), filters.risk_category.length === 0);
  set(RiskListParams.status, filters.status.join(','), filters.status.length === 0);
  set(RiskListParams.owner, filters.owner.trim(), filters.owner.trim() === '');
  set(RiskListParams.model, filters.model_id, filters.model_id === null);
  set(RiskListParams.overdue, String(filters.overdue), filters.overdue === null);
  set(RiskListParams.impact, filters.impact, filters.impact === null);
  set(RiskListParams.likelihood, filters.likelihood, filters.likelihood === null);
  set(RiskListParams.sort, view.sort && `${view.sort.field}:${view.sort.direction}`, view.sort === null);
  set(RiskListParams.page, view.pageIndex + 1, view.pageIndex === 0);
  set(RiskListParams.size, view.pageSize, view.pageSize === DEFAULT_RISK_PAGE_SIZE);
  set(RiskListParams.group, view.groupBy, view.groupBy === 'none');
  set(RiskListParams.matrix, 'true', !view.showMatrix);
  return params;
}

/** The filters as the API takes them (list, matrix and export alike), without paging. */
export function toFilterQuery(filters: RiskListFilters, sort: RiskListSort | null): ModelRiskListQuery {
  const query: ModelRiskListQuery = {};
  if (filters.filter !== 'active') query.filter = filters.filter;
  if (filters.search.trim()) query.search = filters.search.trim();
  if (filters.model_id !== null) query.model_id = filters.model_id;
  if (filters.risk_level.length > 0) query.risk_level = [...filters.risk_level];
  if (filters.risk_category.length > 0) query.risk_category = [...filters.risk_category];
  if (filters.status.length > 0) query.status = [...filters.status];
  if (filters.owner.trim()) query.owner = filters.owner.trim();
  if (filters.overdue !== null) query.overdue = filters.overdue;
  if (filters.impact !== null) query.impact = filters.impact;
  if (filters.likelihood !== null) query.likelihood = filters.likelihood;
  if (sort) query.sort = `${sort.field}:${sort.direction}`;
  return query;
}

export function toListQuery(view: RiskListView): ModelRiskListQuery {
  return {
    ...toFilterQuery(view.filters, view.sort),
    limit: view.pageSize,
    offset: view.pageIndex * view.pageSize,
  };
}

/**
 * What the matrix counts: the list's filters except its own cell, so picking a cell narrows the table while the
 * matrix keeps showing every cell to pick from.
 */
export function toMatrixQuery(filters: RiskListFilters): ModelRiskListQuery {
  return toFilterQuery({ ...filters, impact: null, likelihood: null }, null);
}

function parseSort(value: string): RiskListSort | null {
  const [field, direction = 'asc'] = value.split(':');
  if (!(MODEL_RISK_SORT_FIELDS as readonly string[]).includes(field) || !['asc', 'desc'].includes(direction)) {
    return null;
  }
  return { direction: direction as SortDirection, field: field as ModelRiskSortField };
}

/** The known values of a comma-separated list, in the canonical order, unknown ones dropped. */
function listOf<T extends string>(known: readonly T[], value: string): T[] {
  const chosen = new Set(value.split(',').map((item) => item.trim()));
  return known.filter((item) => chosen.has(item));
}

function oneOf<T extends string>(known: readonly T[], value: string): T | null {
  return (known as readonly string[]).includes(value) ? (value as T) : null;
}

/** A positive 32-bit id or page number, as the API takes them. */
function positiveInt(value: string): number | null {
  if (!/^\d{1,10}$/.test(value)) {
    return null;
  }
  const parsed = Number(value);
  return parsed >= 1 && parsed <= 2_147_483_647 ? parsed : null;
}

function booleanOrNull(value: string): boolean | null {
  return value === 'true' ? true : value === 'false' ? false : null;
}
