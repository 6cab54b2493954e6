import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, SharedViewResponse } from '@model-inventory/contracts';
import { aSharedModel, aSharedView } from '@model-inventory/web-shares-data-access';
import { publicShareRoutes } from '../share-routes';

const TOKEN = 'q3N0tLd5bT3xY8aQ1vR7kLm2nB4cD6eF9gH0iJ2kL4m';
const VIEW_URL = `/api/public/shares/${TOKEN}`;

describe('SharedViewPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ children: publicShareRoutes, path: 'share' }], withComponentInputBinding()),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(): Promise<void> {
    harness = await RouterTestingHarness.create(`/share/${TOKEN}`);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await harness.fixture.whenStable();
  }

  async function answer(view: Partial<SharedViewResponse> | { status: number; statusText: string }, params = 'limit=50&offset=0'): Promise<void> {
    const request = backend.expectOne(`${VIEW_URL}?${params}`);
    if ('status' in view && typeof view.status === 'number') {
      request.flush({ detail: 'This share link does not exist or is no longer shared.', status: view.status }, view);
    } else {
      request.flush(aSharedView(view as Partial<SharedViewResponse>));
    }
    await harness.fixture.whenStable();
  }

  const page = () => harness.fixture.nativeElement as HTMLElement;

  it('shows the shared models read-only under an organisation-free header, with the summary columns', async () => {
    await open();
    await answer({ items: [aSharedModel(), aSharedModel({ model: 'GPT-4', version: '1.0' })], total: 2 });

    expect(page().querySelector('h1')?.textContent).toBe('Shared view — read-only');
    expect(page().textContent).toContain('Model register');
    const table = await loader.getHarness(MatTableHarness);
    expect(await (await table.getHeaderRows())[0].getCellTextByIndex()).toEqual(['Provider', 'Model', 'Version', 'Status', 'Status date']);
    expect((await table.getCellTextByColumnName())['model'].text).toEqual(['GPT-4o', 'GPT-4']);
    expect(page().querySelector('[data-testid=shared-count]')?.textContent).toMatch(/1–2\s*of 2 models/);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Export CSV/ }))).toHaveLength(0);
  });

  it('pages through a large view, and shows every field of an “all” risk link with its model by name', async () => {
    await open();
    const risk = {
      model: { model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' },
      overdue: true,
      owner: 'ada@acme.test',
      risk_category: ModelRiskCategory.SECURITY,
      risk_level: ModelRiskLevel.HIGH,
      risk_name: 'Prompt injection',
      status: ModelRiskStatus.OPEN,
      target_date: '2026-03-01',
    };
    await answer({ fields: 'all', items: [risk], resource: 'risks', total: 120 });
    const table = await loader.getHarness(MatTableHarness);
    const cells = await table.getCellTextByColumnName();
    expect(cells['model'].text).toEqual(['OpenAI GPT-4o 2024-08-06']);
    expect(cells['owner'].text).toEqual(['ada@acme.test']);
    expect(cells['overdue'].text).toEqual(['Yes']);
    expect(cells['description'].text).toEqual(['—']);

    await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
    await answer({ fields: 'all', items: [risk], limit: 50, offset: 50, resource: 'risks', total: 120 }, 'limit=50&offset=50');
    expect(page().querySelector('[data-testid=shared-count]')?.textContent).toMatch(/51–51\s*of 120 risks/);
  });

  it('exports the view as CSV when the link allows it', async () => {
    await open();
    await answer({ allow_export: true });
    const saved = jest.fn((blob: Blob) => `blob:${blob.size}`);
    Object.assign(URL, { createObjectURL: saved, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    await (await loader.getHarness(MatButtonHarness.with({ text: /Export CSV/ }))).click();
    backend.expectOne(`${VIEW_URL}/export?format=csv`).flush(new Blob(['provider,model\n']), {
      headers: { 'Content-Disposition': 'attachment; filename="shared-models.csv"' },
    });
    await harness.fixture.whenStable();
    expect(saved).toHaveReturnedWith('blob:15');
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('says only “This link is not available” for any 404, without a table or a sign-in page', async () => {
    await open();
    await answer({ status: 404, statusText: 'Not Found' });
    expect(page().querySelector('[data-testid=share-unavailable]')?.textContent).toContain('This link is not available');
    expect(page().querySelector('table')).toBeNull();
    expect(page().textContent).not.toMatch(/sign in/i);
  });

  it('asks the visitor to wait after too many requests, and tries again on request', async () => {
    await open();
    await answer({ status: 429, statusText: 'Too Many Requests' });
    expect(page().querySelector('[data-testid=share-rate-limited]')?.textContent).toContain('Too many requests');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Try again' }))).click();
    await answer({});
    expect(page().querySelector('[data-testid=share-rate-limited]')).toBeNull();
    expect(page().querySelector('table')).not.toBeNull();
  });
});
