import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ModelRiskLevel, ModelRiskResponse, ModelRiskStatus, Role } from '@model-inventory/contracts';
import { aModel } from '@model-inventory/web-inventory-data-access';
import { aRisk, aRiskMatrix, aRiskSummary } from '@model-inventory/web-risks-data-access';
import { routes } from '../risks-routes';
import { answerRisksPending, RisksData, signInAs, withoutAnimations } from '../testing/risks-backend';

const CLAUDE = { id: 2, is_deleted: false, model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022' };
const RISKS: ModelRiskResponse[] = [
  aRisk({ id: 1, risk_level: ModelRiskLevel.CRITICAL, risk_name: 'Prompt injection', status: ModelRiskStatus.IN_PROGRESS }),
  aRisk({ id: 2, model: CLAUDE, model_id: 2, overdue: true, risk_level: ModelRiskLevel.MEDIUM, risk_name: 'Stale training data', target_date: '2025-11-30' }),
  aRisk({ id: 3, owner: 'ada@acme.test', risk_level: ModelRiskLevel.LOW, risk_name: 'Verbose answers', status: ModelRiskStatus.RESOLVED }),
];

describe('RisksPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ children: routes, path: 'model-inventory/risks' }], withComponentInputBinding()),
        withoutAnimations,
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(url = '/model-inventory/risks', role = Role.Reviewer, data: RisksData = { risks: RISKS, total: 7 }) {
    await signInAs(role);
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    await settle();
    answerRisksPending(data);
    await settle();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  const page = () => harness.fixture.nativeElement as HTMLElement;
  const url = () => decodeURIComponent(TestBed.inject(Router).url);
  const listRequests = (): TestRequest[] => backend.match((request) => request.url === '/api/modelRisks');
  const card = (key: string) => page().querySelector<HTMLButtonElement>(`[data-testid=summary-${key}]`);

  it('shows the risks as a table, with the active risks per level and the overdue ones above it', async () => {
    await open();

    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['risk_name'].text).toEqual(['Prompt injection', 'Stale training data', 'Verbose answers']);
    expect(rows['model'].text).toEqual(['GPT-4o 2024-08-06', 'Claude 3.5 Sonnet 20241022', 'GPT-4o 2024-08-06']);
    expect(rows['risk_level'].text.map((text) => text.replace(/^\S+\s/, ''))).toEqual(['Critical', 'Medium', 'Low']);
    expect(rows['status'].text).toEqual(['In Progress', 'Open', 'Resolved']);
    expect(rows['target_date'].text[1]).toMatch(/Nov 30, 2025\s*Overdue/);
    expect(page().querySelectorAll('[data-testid=overdue]')).toHaveLength(1);
    const counts = [...page().querySelectorAll('[data-testid=summary-count]')].map((count) => count.textContent?.trim());
    expect(counts).toEqual(['7', '3', '1', '2', '1', '2']);
    expect(page().querySelector('[data-testid=result-count]')?.textContent).toMatch(/1–3\s*of 7 risks/);
  });

  it('filters by a level or the overdue risks from the summary cards, and shows every risk again from Total', async () => {
    await open();
    expect(card('total')?.getAttribute('aria-pressed')).toBe('true');

    card('critical')?.click();
    await settle();
    expect(url()).toBe('/model-inventory/risks?risk_level=Critical');
    listRequests()[0].flush({ items: [RISKS[0]], limit: 25, offset: 0, total: 1 });
    await settle();
    expect(card('critical')?.getAttribute('aria-pressed')).toBe('true');

    card('overdue')?.click();
    await settle();
    expect(url()).toBe('/model-inventory/risks?overdue=true');
    expect(listRequests()[0].request.params.toString()).toBe('overdue=true&limit=25&offset=0');

    card('total')?.click();
    await settle();
    expect(url()).toBe('/model-inventory/risks');
    listRequests()[0].flush({ items: RISKS, limit: 25, offset: 0, total: 7 });
  });

  it('restores the filters of a shared link, shows them in the fields and asks the API for that view', async () => {
    await signInAs(Role.Reviewer);
    harness = await RouterTestingHarness.create('/model-inventory/risks?filter=deleted&risk_level=High,Critical&status=Open&model_id=2&sort=target_date:asc');
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await settle();

    const [request] = listRequests();
    expect(decodeURIComponent(request.request.params.toString())).toBe(
      'filter=deleted&model_id=2&risk_level=High,Critical&status=Open&sort=target_date:asc&limit=25&offset=0',
    );
    request.flush({ items: [{ ...RISKS[1], is_deleted: true }], limit: 25, offset: 0, total: 1 });
    answerRisksPending();
    // The model filter looked the model up before the rows named it.
    backend.expectOne('/api/modelInventory/2').flush(aModel({ id: 2 }));
    await settle();

    expect(await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=filter-level]' }))).getValueText()).toBe('High, Critical');
    expect(await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid=filter-model]' }))).getValue()).toBe(
      'Claude 3.5 Sonnet 20241022 · Anthropic',
    );
    expect(await (await loader.getHarness(MatButtonToggleGroupHarness)).getToggles({ checked: true }).then((t) => t[0].getText())).toBe('Deleted');
    expect(page().querySelector('[data-testid=deleted-badge]')).not.toBeNull();
    expect(page().querySelector('[data-testid=result-count]')?.textContent).toMatch(/of 1 deleted risk\s*$/);
  });

  it('lists deleted risks, or all, from the Active / Deleted / All selector', async () => {
    await open();
    const selector = await loader.getHarness(MatButtonToggleGroupHarness);

    await (await selector.getToggles({ text: 'Deleted' }))[0].check();
    expect(url()).toBe('/model-inventory/risks?filter=deleted');
    expect(listRequests()[0].request.params.toString()).toBe('filter=deleted&limit=25&offset=0');

    await (await selector.getToggles({ text: 'All' }))[0].check();
    expect(url()).toBe('/model-inventory/risks?filter=all');
    listRequests()[0].flush({ items: RISKS, limit: 25, offset: 0, total: 3 });
  });

  it('shows the risk matrix of the filtered view, and filters the table by the cell clicked', async () => {
    await open('/model-inventory/risks?risk_category=Security');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Risk matrix/ }))).click();
    expect(url()).toBe('/model-inventory/risks?risk_category=Security&matrix=true');
    const matrixRequest = backend.expectOne((request) => request.url === '/api/modelRisks/matrix');
    expect(matrixRequest.request.params.toString()).toBe('risk_category=Security');
    matrixRequest.flush(aRiskMatrix({ 'High|Medium': 2, 'Very High|Very High': 1 }, 4));
    await settle();

    const cells = [...page().querySelectorAll<HTMLButtonElement>('[data-testid=matrix-cell]')];
    expect(cells).toHaveLength(25);
    const cell = cells.find((candidate) => candidate.dataset['impact'] === 'High' && candidate.dataset['likelihood'] === 'Medium');
    expect(cell?.textContent?.trim()).toBe('2');
    expect(cell?.dataset['severity']).toBe('High');
    expect(cells.filter((candidate) => candidate.disabled)).toHaveLength(23);
    expect(page().querySelector('[data-testid=matrix-unrated]')?.textContent).toMatch(/4\s*risks have no impact or likelihood/);

    cell?.click();
    await settle();
    expect(url()).toBe('/model-inventory/risks?risk_category=Security&impact=High&likelihood=Medium&matrix=true');
    const [request] = listRequests();
    expect(request.request.params.toString()).toBe('risk_category=Security&impact=High&likelihood=Medium&limit=25&offset=0');
    request.flush({ items: [RISKS[0], RISKS[1]], limit: 25, offset: 0, total: 2 });
    await settle();
    expect(cell?.getAttribute('aria-pressed')).toBe('true');
    expect(page().querySelector('[data-testid=cell-filter]')?.textContent).toContain('Impact High · likelihood Medium');

    (page().querySelector('[data-testid=cell-filter]') as HTMLButtonElement).click();
    await settle();
    expect(url()).toBe('/model-inventory/risks?risk_category=Security&matrix=true');
    listRequests()[0].flush({ items: RISKS, limit: 25, offset: 0, total: 3 });
  });

  it('pages and sorts on the server, and groups the page by level, most severe first', async () => {
    await open('/model-inventory/risks', Role.Reviewer, { risks: RISKS, total: 60 });
    const [levelHeader] = await (await loader.getHarness(MatSortHarness)).getSortHeaders({ label: 'Level' });
    await levelHeader.click();
    expect(url()).toBe('/model-inventory/risks?sort=risk_level:asc');
    listRequests()[0].flush({ items: RISKS, limit: 25, offset: 0, total: 60 });

    const group = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=group-by]' }));
    await group.clickOptions({ text: 'Level' });
    expect(url()).toBe('/model-inventory/risks?sort=risk_level:asc&group=level');
    listRequests()[0]?.flush({ items: RISKS, limit: 25, offset: 0, total: 60 });
    await settle();
    const groups = [...page().querySelectorAll('.group-row')].map((row) => row.textContent?.replace(/\s+/g, ' ').trim());
    expect(groups).toEqual([
      'crisis_alert Critical 1 risk on this page',
      'stat_2 Medium 1 risk on this page',
      'stat_1 Low 1 risk on this page',
    ]);
  });

  it('exports the filtered view, without paging, saving the file the server names', async () => {
    await open('/model-inventory/risks?overdue=true&search=drift&page=2');
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:xlsx'), revokeObjectURL: jest.fn() });
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });

    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Export/ }));
    await menu.clickItem({ text: /Excel/ });

    const request = backend.expectOne((candidate) => candidate.url === '/api/modelRisks/export');
    expect(request.request.params.toString()).toBe('search=drift&overdue=true&format=xlsx');
    request.flush(new Blob(['xlsx']), { headers: { 'Content-Disposition': 'attachment; filename="model-risks-7-2026-01-05.xlsx"' } });
    expect(downloads).toEqual(['model-risks-7-2026-01-05.xlsx']);
  });

  it('shares the active risks of the current filters as a read-only link from the Share menu', async () => {
    await open('/model-inventory/risks?filter=all&risk_level=High,Critical&overdue=true');
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Share/ }));
    await menu.clickItem({ text: /Create a read-only share link/ });
    let dialog: MatDialogHarness | undefined;
    for (let attempt = 0; attempt < 200 && !dialog; attempt++) {
      await settle();
      [dialog] = await overlay.getAllHarnesses(MatDialogHarness);
      if (!dialog) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!dialog) throw new Error('The share dialog never opened');
    expect(await dialog.getTitleText()).toBe('Share the risk register');
    expect(document.querySelector('mi-create-share-dialog')?.textContent).toContain('A share link shows active risks only');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create link' }))).click();
    const post = backend.expectOne({ method: 'POST', url: '/api/shares' });
    expect(post.request.body).toMatchObject({ filters: { overdue: true, risk_level: ['High', 'Critical'] }, resource: 'risks' });
    expect(post.request.body.filters).not.toHaveProperty('filter');
    post.flush({ id: 1, token: 't', url: 'http://localhost/share/t' });
  });

  it('opens a risk in a routable dialog and returns to the same view when it closes', async () => {
    await open('/model-inventory/risks?status=Open,In Progress');
    (page().querySelector('[data-testid=risk-row]') as HTMLElement).click();
    await settle();

    expect(url()).toBe('/model-inventory/risks/1?status=Open,In Progress');
    backend.expectOne('/api/modelRisks/1').flush(RISKS[0], { headers: { ETag: '"risk-1-v1"' } });
    const dialog = await overlay.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toContain('Prompt injection');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle();
    expect(url()).toBe('/model-inventory/risks?status=Open,In Progress');
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
  });

  it('raises a new risk against the model the list is filtered by', async () => {
    await open('/model-inventory/risks?model_id=2', Role.Editor, { risks: [RISKS[1]] });
    await (await loader.getHarness(MatButtonHarness.with({ text: /New risk/ }))).click();
    await settle();

    expect(url()).toBe('/model-inventory/risks/new?model_id=2');
    backend.match('/api/modelInventory/2').forEach((request) => request.flush(aModel({ id: 2, model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022' })));
    const dialog = await overlay.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toContain('Raise a risk');
    const model = await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid=risk-model]' }));
    expect(await model.getValue()).toBe('Claude 3.5 Sonnet 20241022 · Anthropic');
  });

  it('moves the ticked risks to a status every one of them allows, in one request', async () => {
    await open();
    const ticks = () => [...page().querySelectorAll<HTMLInputElement>('[data-testid=select-risk] input')];
    const tick = async (index: number) => {
      ticks()[index].click();
      await settle();
    };
    expect(ticks()).toHaveLength(3);
    expect(page().querySelector('[data-testid=bulk-bar]')).toBeNull();

    await tick(2); // Resolved: may only be reopened
    await tick(0); // In Progress: may be resolved or accepted
    expect(page().querySelector('[data-testid=selected-count]')?.textContent).toBe('2 selected');
    const change = await loader.getHarness(MatButtonHarness.with({ text: /Change status/ }));
    expect(await change.isDisabled()).toBe(true);

    await tick(2);
    expect(await change.isDisabled()).toBe(false);
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Change status/ }));
    await menu.open();
    const options = await Promise.all((await menu.getItems()).map((item) => item.getText()));
    expect(options.map((text) => text.replace('arrow_forward', '').trim())).toEqual(['Move to Resolved', 'Move to Accepted']);
    await menu.clickItem({ text: /Accepted/ });

    const request = backend.expectOne({ method: 'PATCH', url: '/api/modelRisks/batch' });
    expect(request.request.body).toEqual({ items: [{ id: 1, status: 'Accepted' }] });
    request.flush({ items: [{ ...RISKS[0], status: ModelRiskStatus.ACCEPTED }] });
    await settle();
    expect(document.body.textContent).toContain('1 risk moved to Accepted.');
    const reloaded = answerRisksPending({ risks: RISKS, total: 7 }).map((reload) => reload.request.url);
    expect(reloaded).toEqual(expect.arrayContaining(['/api/modelRisks', '/api/modelRisks/summary']));
    await settle();
    expect(page().querySelector('[data-testid=bulk-bar]')).toBeNull();
  });

  it('says why no risk was changed when the batch is refused, and shows the risks as they are', async () => {
    await open();
    (page().querySelector<HTMLInputElement>('[data-testid=select-all] input') as HTMLInputElement).click();
    await settle();
    expect(page().querySelector('[data-testid=selected-count]')?.textContent).toBe('3 selected');
    for (const index of [0, 2]) {
      page().querySelectorAll<HTMLInputElement>('[data-testid=select-risk] input')[index].click();
      await settle();
    }
    expect(page().querySelector('[data-testid=selected-count]')?.textContent).toBe('1 selected');
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /Change status/ }));
    await menu.clickItem({ text: /In Progress/ });

    const request = backend.expectOne({ method: 'PATCH', url: '/api/modelRisks/batch' });
    expect(request.request.body).toEqual({ items: [{ id: 2, status: 'In Progress' }] });
    request.flush(
      { detail: 'Nothing was changed. items.0 (risk 2): Open → In Progress is not allowed.', status: 409, title: 'Conflict' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(document.body.textContent).toContain('The statuses could not be changed. Conflict: Nothing was changed. items.0 (risk 2)');
    const reloaded = answerRisksPending({ risks: RISKS, total: 7 }).map((reload) => reload.request.url);
    expect(reloaded).toEqual(expect.arrayContaining(['/api/modelRisks', '/api/modelRisks/summary']));
  });

  it('invites writers to raise the first risk, and hides every way to change risks from auditors', async () => {
    await open('/model-inventory/risks', Role.Editor, { risks: [], summary: aRiskSummary({ total: 0 }) });
    expect(page().textContent).toContain('No risks yet.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /New risk|Raise a risk/ }))).toHaveLength(2);
  });

  it('hides every way to change risks from auditors', async () => {
    await open('/model-inventory/risks', Role.Auditor, { risks: [] });
    expect(page().textContent).toContain('No risks yet.');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /New risk|Raise a risk/ }))).toHaveLength(0);
  });

  it('gives auditors no checkboxes to change several risks at once', async () => {
    await open('/model-inventory/risks', Role.Auditor);
    expect(page().querySelectorAll('[data-testid=risk-row]')).toHaveLength(3);
    expect(page().querySelector('[data-testid=select-all], [data-testid=select-risk]')).toBeNull();
  });
});
