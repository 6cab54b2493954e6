import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ModelInventoryResponse, ModelStatus, Role } from '@model-inventory/contracts';
import { aModel } from '@model-inventory/web-inventory-data-access';
import { firstValueFrom } from 'rxjs';
import { COLUMNS_STORAGE_KEY } from '../model-columns';
import { routes } from '../models-routes';
import { answerPending, InventoryData, signInAs, withoutAnimations } from '../testing/inventory-backend';

const MODELS: ModelInventoryResponse[] = [
  aModel({ id: 1, model: 'GPT-4o', provider: 'OpenAI', status: ModelStatus.APPROVED }),
  aModel({ id: 2, model: 'Claude 3.5 Sonnet', provider: 'Anthropic', security_assessment: false, status: ModelStatus.PENDING }),
  aModel({ id: 3, is_demo: true, model: 'Llama 3.1 70B', provider: 'Meta', status: ModelStatus.BLOCKED }),
];
const COUNTS = { Approved: 12, Blocked: 3, Pending: 5, Restricted: 2 };

describe('ModelsPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ children: routes, path: 'model-inventory/models' }], withComponentInputBinding()),
        withoutAnimations,
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(url = '/model-inventory/models', role = Role.Reviewer, data: InventoryData = { counts: COUNTS, models: MODELS, total: 22 }) {
    await signInAs(role);
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    await settle();
    answerPending(data);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  function page(): HTMLElement {
    return harness.fixture.nativeElement as HTMLElement;
  }

  function listRequests(): TestRequest[] {
    return backend.match((request) => request.url === '/api/modelInventory');
  }

  function url(): string {
    return decodeURIComponent(TestBed.inject(Router).url);
  }

  it('shows the register as a table, with the number of models per status above it', async () => {
    await open();

    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();
    expect(rows['model'].text).toEqual(['GPT-4o', 'Claude 3.5 Sonnet', 'Llama 3.1 70BDemo']);
    expect(rows['provider'].text).toEqual(['OpenAI', 'Anthropic', 'Meta']);
    expect(rows['status'].text).toEqual(['Approved', 'Pending', 'Blocked']);
    expect(rows['security_assessment'].text).toEqual(['verified_user', 'gpp_maybe', 'verified_user']);
    const counts = [...page().querySelectorAll('[data-testid=summary-count]')].map((count) => count.textContent?.trim());
    expect(counts).toEqual(['22', '12', '2', '5', '3']);
    expect(page().querySelector('[data-testid=summary-total]')?.getAttribute('aria-label')).toBe('22 models in total. Show all models');
    expect(page().querySelector('[data-testid=summary-pending]')?.getAttribute('aria-label')).toBe('5 models pending. Show only Pending models');
    expect(page().querySelector('[data-testid=result-count]')?.textContent).toMatch(/1–3\s*of 22 models/);
  });

  it('filters the table by a status when its summary card is clicked, and shows every model again from Total', async () => {
    await open();
    const approved = page().querySelector<HTMLButtonElement>('[data-testid=summary-approved]');
    expect(approved?.getAttribute('aria-pressed')).toBe('false');
    expect(page().querySelector('[data-testid=summary-total]')?.getAttribute('aria-pressed')).toBe('true');

    approved?.click();
    await settle();

    expect(url()).toBe('/model-inventory/models?status=Approved');
    const [request] = listRequests();
    expect(request.request.params.get('status')).toBe('Approved');
    request.flush({ items: [MODELS[0]], limit: 25, offset: 0, total: 12 });
    await settle();
    expect(approved?.getAttribute('aria-pressed')).toBe('true');
    expect(await (await loader.getHarness(MatTableHarness)).getRows()).toHaveLength(1);

    page().querySelector<HTMLButtonElement>('[data-testid=summary-total]')?.click();
    await settle();
    expect(url()).toBe('/model-inventory/models');
    listRequests()[0].flush({ items: MODELS, limit: 25, offset: 0, total: 22 });
  });

  it('searches once the user pauses typing, and keeps the search in the link', async () => {
    await open();
    const search = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid=search]' }));

    await search.setValue('claude');
    expect(listRequests()).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle();

    expect(url()).toBe('/model-inventory/models?search=claude');
    const [request] = listRequests();
    expect(request.request.params.get('search')).toBe('claude');
    request.flush({ items: [MODELS[1]], limit: 25, offset: 0, total: 1 });
  });

  it('restores the view of a shared link and asks the API for it', async () => {
    await signInAs(Role.Reviewer);
    harness = await RouterTestingHarness.create('/model-inventory/models?status=Pending,Blocked&sort=model:desc&page=2&size=50');
    await settle();

    const [request] = listRequests();
    expect(request.request.params.toString()).toBe('status=Pending,Blocked&sort=model:desc&limit=50&offset=50');
    request.flush({ items: MODELS, limit: 50, offset: 50, total: 53 });
    answerPending();
    await settle();
    const paginator = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('51 – 53 of 53');
    expect(await paginator.getPageSize()).toBe(50);
  });

  it('pages and sorts on the server', async () => {
    await open('/model-inventory/models', Role.Reviewer, { models: MODELS, total: 60 });
    await (await loader.getHarness(MatPaginatorHarness)).goToNextPage();
    expect(url()).toBe('/model-inventory/models?page=2');
    expect(listRequests()[0].request.params.get('offset')).toBe('25');

    const [modelHeader] = await (await loader.getHarness(MatSortHarness)).getSortHeaders({ label: 'Model' });
    await modelHeader.click();
    expect(url()).toBe('/model-inventory/models?sort=model:asc');
    expect(listRequests()[0].request.params.toString()).toBe('sort=model:asc&limit=25&offset=0');
  });

  it('exports the filtered register as CSV, saving the file the server names', async () => {
    await open('/model-inventory/models?status=Blocked&search=gpt&page=2');
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:csv'), revokeObjectURL: jest.fn() });
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });

    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Export/ }));
    await menu.clickItem({ text: /^csvCSV/ });

    const request = backend.expectOne((candidate) => candidate.url === '/api/modelInventory/export');
    expect(request.request.params.toString()).toBe('search=gpt&status=Blocked&format=csv');
    request.flush(new Blob(['provider,model\n']), {
      headers: { 'Content-Disposition': 'attachment; filename="model-inventory-7-2026-01-05.csv"' },
    });
    expect(downloads).toEqual(['model-inventory-7-2026-01-05.csv']);
  });

  /** The share dialogs are a lazy chunk: wait until the dialog the menu asked for is open. */
  async function sharedDialog(): Promise<MatDialogHarness> {
    for (let attempt = 0; attempt < 200; attempt++) {
      await settle();
      const [dialog] = await overlay.getAllHarnesses(MatDialogHarness);
      if (dialog) return dialog;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('The share dialog never opened');
  }

  it('shares the current filters as a read-only link from the Share menu', async () => {
    await open('/model-inventory/models?status=Approved&provider=OpenAI&sort=model:asc&page=2');
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Share/ }));
    await menu.clickItem({ text: /Create a read-only share link/ });
    const dialog = await sharedDialog();
    expect(await dialog.getTitleText()).toBe('Share the model register');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create link' }))).click();
    const post = backend.expectOne({ method: 'POST', url: '/api/shares' });
    expect(post.request.body).toEqual({
      allow_export: false,
      expires_at: null,
      fields: 'summary',
      filters: { provider: 'OpenAI', sort: 'model:asc', status: ['Approved'] },
      resource: 'models',
    });
    post.flush({ id: 1, token: 't', url: 'http://localhost/share/t' });
  });

  it('lets auditors read the share links, but not create one', async () => {
    await open('/model-inventory/models', Role.Auditor);
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Share/ }));
    await menu.open();
    const items = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    expect(items.some((text) => text.includes('Create a read-only share link'))).toBe(false);
    await menu.clickItem({ text: /Manage share links/ });
    await sharedDialog();
    backend.expectOne('/api/shares?limit=20&offset=0').flush({ items: [], limit: 20, offset: 0, total: 0 });
    await settle();
    expect(document.querySelector('mi-share-links-dialog')?.textContent).toContain('Your role can read this list');
  });

  it('opens a model in a routable dialog and returns to the same view when it closes', async () => {
    await open('/model-inventory/models?status=Approved,Pending');
    (page().querySelector('[data-testid=model-row]') as HTMLElement).click();
    await settle();

    expect(url()).toBe('/model-inventory/models/1?status=Approved,Pending');
    backend.expectOne('/api/modelInventory/1').flush(MODELS[0], { headers: { ETag: '"mi-1-v1"' } });
    // The dialog names the model's projects and frameworks: the first screen did not need them.
    expect(answerPending().map((request) => request.request.url).sort()).toEqual(['/api/frameworks', '/api/projects']);
    const dialog = await overlay.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toContain('GPT-4o');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle();
    expect(url()).toBe('/model-inventory/models?status=Approved,Pending');
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
  });

  it('refreshes the list and the counts after a model is registered', async () => {
    await open('/model-inventory/models/new');
    const dialog = await overlay.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toContain('Register a model');

    // Saving is covered by the dialog's tests; here the dialog reports a save.
    const [ref] = TestBed.inject(MatDialog).openDialogs;
    const closed = firstValueFrom(ref.afterClosed());
    ref.close('saved');
    await closed;
    await settle();

    expect(url()).toBe('/model-inventory/models');
    const answered = answerPending({ counts: { ...COUNTS, Pending: 6 }, models: MODELS, total: 23 });
    expect(answered.map((request) => request.request.url).sort()).toEqual([
      '/api/modelInventory',
      '/api/modelInventoryHistory/current-counts',
    ]);
  });

  it('loads projects and frameworks only once their filter, column or grouping needs them', async () => {
    await open();
    expect(backend.match((request) => ['/api/projects', '/api/frameworks'].includes(request.url))).toHaveLength(0);

    page().querySelector('[data-testid=filter-project]')?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    const answered = answerPending();
    expect(answered.map((request) => request.request.url).sort()).toEqual(['/api/frameworks', '/api/projects']);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=filter-project]' }));
    await select.open();
    expect((await select.getOptions()).length).toBe(2);
  });

  it('lets the user choose the columns, and remembers the choice', async () => {
    await open();
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Columns/ }));
    await menu.open();
    await menu.clickItem({ text: /Hosting/ });
    await menu.clickItem({ text: /Approver/ });

    const headers = await (await (await loader.getHarness(MatTableHarness)).getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual(['Provider', 'Model', 'Version', 'Assessment', 'Status', 'Status date', 'Open risks', 'Hosting']);
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '[]')).toContain('hosting_provider');
  });

  it("shows each model's open risks, linked to the Risks tab filtered to them, and sorts by them on the server", async () => {
    await open('/model-inventory/models', Role.Reviewer, {
      counts: COUNTS,
      models: [aModel({ id: 1, model: 'GPT-4o', open_risk_count: 3 }), aModel({ id: 2, model: 'Claude', open_risk_count: 0 })],
      total: 2,
    });

    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['open_risk_count'].text).toEqual(['3', '0']);
    const links = page().querySelectorAll<HTMLAnchorElement>('[data-testid=open-risks]');
    expect(links).toHaveLength(1);
    expect(decodeURIComponent(links[0].getAttribute('href') ?? '')).toBe('/model-inventory/risks?model_id=1&status=Open,In Progress');

    const [header] = await (await loader.getHarness(MatSortHarness)).getSortHeaders({ label: 'Open risks' });
    await header.click();
    expect(url()).toBe('/model-inventory/models?sort=open_risk_count:asc');
    expect(listRequests()[0].request.params.toString()).toBe('sort=open_risk_count:asc&limit=25&offset=0');
  });

  it('invites writers to register the first model of an empty register', async () => {
    await open('/model-inventory/models', Role.Editor, { models: [] });
    expect(page().textContent).toContain('Your model register');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /New model|Register a model/ }))).toHaveLength(2);
  });

  it('hides every way to change the register from auditors', async () => {
    await open('/model-inventory/models', Role.Auditor, { models: [] });
    expect(page().textContent).toContain('Your model register');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /New model|Register a model/ }))).toHaveLength(0);
  });

  it('offers admins to clear the demo models, after confirming', async () => {
    await signInAs(Role.Admin);
    harness = await RouterTestingHarness.create('/model-inventory/models');
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    await settle();
    answerPending({ counts: COUNTS, demoModels: 3, models: MODELS, total: 22 });
    await settle();

    expect(page().querySelector('[data-testid=demo-banner]')?.textContent).toContain('3 demo models');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Clear demo data' }))).click();
    const confirm = await overlay.getHarness(MatDialogHarness);
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Clear demo data' }))).click();

    backend.expectOne({ method: 'DELETE', url: '/api/demo-data' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    answerPending({ counts: COUNTS, demoModels: 0, models: MODELS.slice(0, 2), total: 19 });
    await settle();
    expect(page().querySelector('[data-testid=demo-banner]')).toBeNull();
  });
});
