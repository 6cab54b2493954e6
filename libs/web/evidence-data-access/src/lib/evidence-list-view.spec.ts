import { evidenceViewFromParams, evidenceViewToParams, toEvidenceListQuery } from './evidence-list-view';

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
});
