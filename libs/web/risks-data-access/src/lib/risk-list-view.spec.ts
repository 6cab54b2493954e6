import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, RiskRating } from '@model-inventory/contracts';
import {
  DEFAULT_RISK_LIST_VIEW,
  hasActiveFilters,
  toListQuery,
  toMatrixQuery,
  viewFromQueryParams,
  viewToQueryParams,
} from './risk-list-view';

describe('risk list view ↔ URL', () => {
  it('keeps a shared link short: the default view has no query parameters', () => {
    expect(viewToQueryParams(DEFAULT_RISK_LIST_VIEW)).toEqual({});
    expect(viewFromQueryParams({})).toEqual(DEFAULT_RISK_LIST_VIEW);
  });

  it('round-trips every filter, the sort, the page, the grouping and the matrix through the URL', () => {
    const params = {
      filter: 'deleted',
      group: 'owner',
      impact: 'Very High',
      likelihood: 'Low',
      matrix: 'true',
      model_id: '12',
      overdue: 'true',
      owner: 'risk@acme.test',
      page: '3',
      risk_category: 'Bias & Fairness,Security',
      risk_level: 'High,Critical',
      search: 'drift',
      size: '100',
      sort: 'risk_level:desc',
      status: 'Open,In Progress',
    };
    const view = viewFromQueryParams(params);

    expect(view).toEqual({
      filters: {
        filter: 'deleted',
        impact: RiskRating.VERY_HIGH,
        likelihood: RiskRating.LOW,
        model_id: 12,
        overdue: true,
        owner: 'risk@acme.test',
        risk_category: [ModelRiskCategory.BIAS, ModelRiskCategory.SECURITY],
        risk_level: [ModelRiskLevel.HIGH, ModelRiskLevel.CRITICAL],
        search: 'drift',
        status: [ModelRiskStatus.OPEN, ModelRiskStatus.IN_PROGRESS],
      },
      groupBy: 'owner',
      pageIndex: 2,
      pageSize: 100,
      showMatrix: true,
      sort: { direction: 'desc', field: 'risk_level' },
    });
    expect(viewToQueryParams(view)).toEqual(params);
  });

  it('ignores hand-edited values it does not understand instead of failing', () => {
    const view = viewFromQueryParams({
      filter: 'archived',
      group: 'colour',
      impact: 'high',
      model_id: '99999999999',
      overdue: 'maybe',
      page: '-2',
      risk_level: 'Critical,Severe',
      size: '7',
      sort: 'password:asc',
      status: 'open',
    });

    expect(view.filters).toMatchObject({
      filter: 'active',
      impact: null,
      model_id: null,
      overdue: null,
      risk_level: [ModelRiskLevel.CRITICAL],
      status: [],
    });
    expect(view).toMatchObject({ groupBy: 'none', pageIndex: 0, pageSize: 25, showMatrix: false, sort: null });
  });

  it('asks the API for the page the view shows, leaving the default filter out', () => {
    const view = viewFromQueryParams({ overdue: 'false', page: '2', risk_level: 'Low', size: '50' });

    expect(toListQuery(view)).toEqual({ limit: 50, offset: 50, overdue: false, risk_level: [ModelRiskLevel.LOW] });
  });

  it('counts the matrix over every filter but its own cell', () => {
    const { filters } = viewFromQueryParams({ filter: 'all', impact: 'High', likelihood: 'Low', model_id: '3', sort: 'owner:asc' });

    expect(toMatrixQuery(filters)).toEqual({ filter: 'all', model_id: 3 });
  });

  it('counts showing deleted risks and a matrix cell as filters, not sorting or the matrix itself', () => {
    expect(hasActiveFilters(viewFromQueryParams({ matrix: 'true', sort: 'owner:asc' }).filters)).toBe(false);
    expect(hasActiveFilters(viewFromQueryParams({ filter: 'deleted' }).filters)).toBe(true);
    expect(hasActiveFilters(viewFromQueryParams({ impact: 'Low', likelihood: 'Low' }).filters)).toBe(true);
  });
});
