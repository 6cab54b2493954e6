import { ModelStatus } from '@model-inventory/contracts';
import { DEFAULT_MODEL_LIST_VIEW, toListQuery, viewFromQueryParams, viewToQueryParams } from './model-list-view';

describe('model list view ↔ URL', () => {
  it('keeps a shared link short: the default view has no query parameters', () => {
    expect(viewToQueryParams(DEFAULT_MODEL_LIST_VIEW)).toEqual({});
    expect(viewFromQueryParams({})).toEqual(DEFAULT_MODEL_LIST_VIEW);
  });

  it('round-trips every filter, the sort, the page and the grouping through the URL', () => {
    const params = {
      approver: 'risk@acme.test',
      framework_id: '3',
      group: 'provider',
      include_demo: 'false',
      page: '3',
      project_id: '12',
      provider: 'OpenAI',
      search: 'gpt',
      security_assessment: 'false',
      size: '100',
      sort: 'status_date:desc',
      status: 'Approved,Blocked',
    };
    const view = viewFromQueryParams(params);

    expect(view).toEqual({
      filters: {
        approver: 'risk@acme.test',
        framework_id: 3,
        include_demo: false,
        project_id: 12,
        provider: 'OpenAI',
        search: 'gpt',
        security_assessment: false,
        status: [ModelStatus.APPROVED, ModelStatus.BLOCKED],
      },
      groupBy: 'provider',
      pageIndex: 2,
      pageSize: 100,
      sort: { direction: 'desc', field: 'status_date' },
    });
    expect(viewToQueryParams(view)).toEqual(params);
  });

  it('ignores hand-edited values it does not understand instead of failing', () => {
    const view = viewFromQueryParams({
      group: 'colour',
      page: '-2',
      project_id: 'abc',
      security_assessment: 'maybe',
      size: '7',
      sort: 'password:asc',
      status: 'Approved,Retired',
    });

    expect(view.filters.status).toEqual([ModelStatus.APPROVED]);
    expect(view.filters.project_id).toBeNull();
    expect(view.filters.security_assessment).toBeNull();
    expect(view).toMatchObject({ groupBy: 'none', pageIndex: 0, pageSize: 25, sort: null });
  });

  it('asks the API for the page the view shows', () => {
    const view = viewFromQueryParams({ page: '2', size: '50', status: 'Pending', security_assessment: 'true' });

    expect(toListQuery(view)).toEqual({
      limit: 50,
      offset: 50,
      security_assessment: true,
      status: [ModelStatus.PENDING],
    });
  });
});
