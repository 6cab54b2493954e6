import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { MlflowApi } from './mlflow-api';
import { anMlflowRecord } from './testing/mlflow-fixtures';

describe(MlflowApi.name, () => {
  let api: MlflowApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(MlflowApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists synced records with search, stage and the removed filter as the API reads them', () => {
    api.list({ limit: 25, offset: 50, removed: false, search: 'credit', stage: 'Production' }).subscribe();

    const request = backend.expectOne((r) => r.url === '/api/integrations/mlflow/models');
    expect(request.request.params.toString()).toBe('limit=25&offset=50&removed=false&search=credit&stage=Production');
    request.flush({ items: [], limit: 25, offset: 50, total: 0 });
  });

  it('leaves out filters that are not set', () => {
    api.list({ search: '' }).subscribe();

    const request = backend.expectOne((r) => r.url === '/api/integrations/mlflow/models');
    expect(request.request.params.toString()).toBe('limit=50&offset=0');
    request.flush({ items: [], limit: 50, offset: 0, total: 0 });
  });

  it('imports a record with the fields MLflow cannot tell and answers the linked record', async () => {
    const imported = firstValueFrom(api.import(7, { approver: 'jane@acme.com', hosting_provider: 'On-premises', status_date: '2026-12-01' }));

    const request = backend.expectOne('/api/integrations/mlflow/models/7/import');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ approver: 'jane@acme.com', hosting_provider: 'On-premises', status_date: '2026-12-01' });
    request.flush(anMlflowRecord({ id: 7, inventory_model_id: 12 }));
    expect((await imported).inventory_model_id).toBe(12);
  });

  it('saves the settings with PUT', () => {
    api.saveConfig({ auth_method: 'token', api_token: 'secret', tracking_server_url: 'https://mlflow.example.com' }).subscribe();

    const request = backend.expectOne('/api/integrations/mlflow/config');
    expect(request.request.method).toBe('PUT');
    request.flush({});
  });
});
