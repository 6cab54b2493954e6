import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, RiskRating } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { firstValueFrom } from 'rxjs';
import { RisksApi } from './risks-api';
import { aRisk } from './testing/risk-fixtures';

describe(RisksApi.name, () => {
  let api: RisksApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(RisksApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists risks with the filters as the API reads them', () => {
    api
      .list({
        filter: 'all',
        limit: 25,
        model_id: 4,
        offset: 50,
        overdue: true,
        risk_level: [ModelRiskLevel.HIGH, ModelRiskLevel.CRITICAL],
        sort: 'target_date:asc',
        status: [ModelRiskStatus.OPEN, ModelRiskStatus.IN_PROGRESS],
      })
      .subscribe();

    const request = backend.expectOne((r) => r.url === '/api/modelRisks');
    expect(request.request.params.toString()).toBe(
      'filter=all&limit=25&model_id=4&offset=50&overdue=true&risk_level=High,Critical&sort=target_date:asc&status=Open,In%20Progress',
    );
    request.flush({ items: [], limit: 25, offset: 50, total: 0 });
  });

  it('moves several risks to one status in one batch request and answers with them', async () => {
    const changed = firstValueFrom(api.changeStatuses([3, 8], ModelRiskStatus.RESOLVED));
    const request = backend.expectOne((r) => r.url === '/api/modelRisks/batch');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ items: [{ id: 3, status: 'Resolved' }, { id: 8, status: 'Resolved' }] });
    request.flush({ items: [aRisk({ id: 3, status: ModelRiskStatus.RESOLVED }), aRisk({ id: 8, status: ModelRiskStatus.RESOLVED })] });
    expect((await changed).map((risk) => [risk.id, risk.status])).toEqual([
      [3, 'Resolved'],
      [8, 'Resolved'],
    ]);
  });

  it('asks for the matrix and the export of the filters, never for a page', () => {
    api.matrix({ risk_category: [ModelRiskCategory.BIAS] }).subscribe();
    backend.expectOne((r) => r.url === '/api/modelRisks/matrix' && r.params.toString() === 'risk_category=Bias%20%26%20Fairness').flush({});

    api.export('xlsx', { impact: RiskRating.HIGH, likelihood: RiskRating.VERY_LOW }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/modelRisks/export');
    expect(request.request.params.toString()).toBe('impact=High&likelihood=Very%20Low&format=xlsx');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['xlsx']));
  });

  it('names an export as the server does, and reads a refused export’s problem', async () => {
    const download = firstValueFrom(api.export('csv', {}));
    backend.expectOne((r) => r.url === '/api/modelRisks/export').flush(new Blob(['risk_name\n']), {
      headers: { 'Content-Disposition': 'attachment; filename="model-risks-7-2026-01-05.csv"' },
    });
    expect((await download).filename).toBe('model-risks-7-2026-01-05.csv');

    const refused = firstValueFrom(api.export('csv', {})).catch((error: unknown) => describeHttpError(error));
    backend
      .expectOne((r) => r.url === '/api/modelRisks/export')
      .flush(new Blob([JSON.stringify({ detail: 'sort must be field:asc', status: 400, title: 'Bad Request' })]), {
        status: 400,
        statusText: 'Bad Request',
      });
    expect(await refused).toBe('Bad Request: sort must be field:asc');
  });

  it('remembers the ETag of a risk it reads and replaces the risk with a PUT carrying it as If-Match', async () => {
    const read = firstValueFrom(api.get(4));
    backend.expectOne('/api/modelRisks/4').flush(aRisk({ id: 4 }), { headers: { ETag: '"risk-4-v2"' } });
    const { etag, risk } = await read;
    expect(risk.id).toBe(4);

    const body = { model_id: 1, owner: 'ada@acme.test', risk_category: ModelRiskCategory.SECURITY, risk_level: ModelRiskLevel.LOW, risk_name: 'x', target_date: '2026-02-01' };
    api.update(4, body, etag).subscribe();
    const put = backend.expectOne('/api/modelRisks/4');
    expect(put.request.method).toBe('PUT');
    expect(put.request.headers.get('If-Match')).toBe('"risk-4-v2"');
    expect(put.request.body).toEqual(body);
    put.flush(aRisk({ id: 4 }), { headers: { ETag: '"risk-4-v3"' } });
  });

  it('moves only the status with a PATCH carrying the ETag as If-Match', async () => {
    const moved = firstValueFrom(api.transition(4, ModelRiskStatus.IN_PROGRESS, '"risk-4-v3"'));
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/modelRisks/4' });
    expect(patch.request.body).toEqual({ status: 'In Progress' });
    expect(patch.request.headers.get('If-Match')).toBe('"risk-4-v3"');
    patch.flush(aRisk({ id: 4, status: ModelRiskStatus.IN_PROGRESS }), { headers: { ETag: '"risk-4-v4"' } });
    expect((await moved).etag).toBe('"risk-4-v4"');
  });

  it('deletes with If-Match and restores with a POST', async () => {
    api.remove(4, '"risk-4-v3"').subscribe();
    const remove = backend.expectOne({ method: 'DELETE', url: '/api/modelRisks/4' });
    expect(remove.request.headers.get('If-Match')).toBe('"risk-4-v3"');
    remove.flush(null, { status: 204, statusText: 'No Content' });

    const restored = firstValueFrom(api.restore(4, '"risk-4-v4"'));
    const restore = backend.expectOne({ method: 'POST', url: '/api/modelRisks/4/restore' });
    expect(restore.request.headers.get('If-Match')).toBe('"risk-4-v4"');
    restore.flush(aRisk({ id: 4 }), { headers: { ETag: '"risk-4-v5"' } });
    expect((await restored).etag).toBe('"risk-4-v5"');
  });

  it('reads the summary and pages through a risk’s change history', () => {
    api.summary().subscribe();
    api.history(9, { limit: 20, offset: 40 }).subscribe();

    backend.expectOne('/api/modelRisks/summary').flush({});
    backend.expectOne('/api/model-risk-change-history/9?limit=20&offset=40').flush({ items: [], total: 40 });
  });
});
