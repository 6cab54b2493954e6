import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ModelStatus } from '@model-inventory/contracts';
import { firstValueFrom } from 'rxjs';
import { ModelInventoryApi } from './model-inventory-api';
import { aModel } from './testing/model-fixtures';

describe(ModelInventoryApi.name, () => {
  let api: ModelInventoryApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ModelInventoryApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists models with the filters as the API reads them', () => {
    api
      .list({
        include_demo: false,
        limit: 25,
        offset: 50,
        search: 'gpt',
        security_assessment: true,
        sort: 'model:asc',
        status: [ModelStatus.APPROVED, ModelStatus.PENDING],
      })
      .subscribe();

    const request = backend.expectOne((r) => r.url === '/api/modelInventory');
    expect(request.request.params.toString()).toBe(
      'include_demo=false&limit=25&offset=50&search=gpt&security_assessment=true&sort=model:asc&status=Approved,Pending',
    );
    request.flush({ items: [], limit: 25, offset: 50, total: 0 });
  });

  it('remembers the ETag of a model it reads and sends it back as If-Match when saving', async () => {
    const read = firstValueFrom(api.get(4));
    backend.expectOne('/api/modelInventory/4').flush(aModel({ id: 4 }), { headers: { ETag: '"mi-4-v2"' } });
    const { etag } = await read;

    api.update(4, { version: '2.0' }, etag).subscribe();
    const patch = backend.expectOne('/api/modelInventory/4');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"mi-4-v2"');
    expect(patch.request.body).toEqual({ version: '2.0' });
    patch.flush(aModel({ id: 4, version: '2.0' }));
  });

  it('exports the filtered register without paging, naming the file as the server does', async () => {
    const download = firstValueFrom(
      api.export('xlsx', { limit: 25, offset: 25, provider: 'OpenAI', status: [ModelStatus.BLOCKED] }),
    );

    const request = backend.expectOne((r) => r.url === '/api/modelInventory/export');
    expect(request.request.params.toString()).toBe('provider=OpenAI&status=Blocked&format=xlsx');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['xlsx']), {
      headers: { 'Content-Disposition': 'attachment; filename="model-inventory-7-2026-01-05.xlsx"' },
    });
    expect((await download).filename).toBe('model-inventory-7-2026-01-05.xlsx');
  });

  it('pages through the change history of a model', () => {
    api.history(9, { limit: 20, offset: 40 }).subscribe();

    backend
      .expectOne('/api/model-inventory-change-history/9?limit=20&offset=40')
      .flush({ items: [], total: 40 });
  });

  it('asks for counts and time series by parameter and timeframe', () => {
    api.currentCounts('security_assessment').subscribe();
    api.timeseries('status', '90days').subscribe();

    backend.expectOne('/api/modelInventoryHistory/current-counts?parameter=security_assessment').flush({});
    backend.expectOne('/api/modelInventoryHistory/timeseries?parameter=status&timeframe=90days').flush({});
  });
});
