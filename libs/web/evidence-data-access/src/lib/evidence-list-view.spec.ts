import { evidenceViewFromParams, evidenceViewToParams, groupsSpanPages, toEvidenceListQuery, withGrouping } from './evidence-list-view';

describe('evidence hub view in the URL', () => {
  it('reads filters, sort and paging from a shared link and writes the same link back', () => {
    const params = {
      evidence_type: 'DPIA,Model Card',
      expiring_within_days: '30',
      model_id: '7',
      page: '2',
      search: 'privacy',
      sort: 'expiry_date:asc',
    };
    const view = evidenceViewFromParams(params);
    expect(view.filters).toEqual({ evidence_type: ['Model Card', 'DPIA'], expired: null, expiring_within_days: 30, model_id: 7, search: 'privacy' });
    expect(evidenceViewToParams(view)).toEqual({ ...params, evidence_type: 'Model Card,DPIA' });
    expect(toEvidenceListQuery(view)).toEqual({
      evidence_type: ['Model Card', 'DPIA'],
      expiring_within_days: 30,
      limit: 25,
      model_id: 7,
      offset: 25,
      search: 'privacy',
      sort: 'expiry_date:asc',
    });
  });

  it('ignores malformed values instead of sending them to the API', () => {
    const view = evidenceViewFromParams({ evidence_type: 'Nonsense', expired: 'maybe', expiring_within_days: '-3', model_id: 'x', sort: 'sha256:up' });
    expect(toEvidenceListQuery(view)).toEqual({ limit: 25, offset: 0 });
    expect(evidenceViewToParams(view)).toEqual({});
  });

  it('keeps the grouping in the link without sending it to the API, and drops an unknown one', () => {
    const view = evidenceViewFromParams({ group: 'uploader', page: '3' });
    expect(view.groupBy).toBe('uploader');
    expect(evidenceViewToParams(view)).toEqual({ group: 'uploader', page: '3' });
    expect(toEvidenceListQuery(view)).toEqual({ limit: 25, offset: 50 });
    expect(evidenceViewFromParams({ group: 'sha256' }).groupBy).toBe('none');
  });

  it('sorts by the grouped field so a type or model group is not split by another order', () => {
    const bySize = evidenceViewFromParams({ page: '4', sort: 'size:desc' });

    const byType = withGrouping(bySize, 'type');
    expect(evidenceViewToParams(byType)).toEqual({ group: 'type', sort: 'evidence_type:asc' });
    expect(toEvidenceListQuery(byType).sort).toBe('evidence_type:asc');
    expect(groupsSpanPages(byType)).toBe(true);

    // Already sorted by the model, descending: that order is kept.
    const byModelDesc = withGrouping(evidenceViewFromParams({ sort: 'model:desc' }), 'model');
    expect(evidenceViewToParams(byModelDesc)).toEqual({ group: 'model', sort: 'model:desc' });
    expect(groupsSpanPages(byModelDesc)).toBe(true);

    // The API cannot sort by uploader: the current sort stays and groups are of the page only.
    const byUploader = withGrouping(bySize, 'uploader');
    expect(evidenceViewToParams(byUploader)).toEqual({ group: 'uploader', sort: 'size:desc' });
    expect(groupsSpanPages(byUploader)).toBe(false);

    // Sorting another way afterwards keeps the grouping, now within the page.
    expect(groupsSpanPages({ ...byType, sort: { direction: 'asc', field: 'filename' } })).toBe(false);
    expect(evidenceViewToParams(withGrouping(byType, 'none'))).toEqual({ sort: 'evidence_type:asc' });
  });
});
