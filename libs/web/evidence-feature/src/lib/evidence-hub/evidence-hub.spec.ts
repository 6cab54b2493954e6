import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { EvidenceResponse, Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { anEvidence } from '@model-inventory/web-evidence-data-access';
import { routes } from '../evidence-routes';

const FILES = [
  anEvidence({ evidence_type: 'DPIA', expiry_date: '2026-12-20', expiry_status: 'expiring', filename: 'dpia-2026.pdf', id: 3 }),
  anEvidence({ filename: 'model-card.md', id: 4, model: { id: 9, model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022' }, model_id: 9 }),
];

describe('EvidenceHub', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ children: routes, path: 'evidence' }]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  /** Answers the hub's list (returned) and the models offered by the model filter. */
  async function answer(items: EvidenceResponse[]): Promise<TestRequest> {
    await harness.fixture.whenStable();
    for (const models of backend.match((request) => request.url === '/api/modelInventory')) models.flush({ items: [], limit: 500, offset: 0, total: 0 });
    const list = backend.expectOne((request) => request.url === '/api/evidence');
    list.flush({ items, limit: 25, offset: 0, total: items.length });
    await harness.fixture.whenStable();
    return list;
  }

  const text = () => (harness.routeNativeElement as HTMLElement).textContent ?? '';
  /** "name: count" of each group header row shown. */
  const groupHeaders = () =>
    [...(harness.routeNativeElement as HTMLElement).querySelectorAll('[data-testid=evidence-group]')].map(
      (header) => `${header.querySelector('.group-name')?.textContent?.trim()}: ${header.querySelector('.group-count')?.textContent?.trim()}`,
    );

  it('asks the API for the view a shared link describes, and links each file to its model', async () => {
    await signInAs(Role.Auditor);
    harness = await RouterTestingHarness.create('/evidence?evidence_type=DPIA&expired=false&sort=expiry_date:asc&search=privacy');
    const list = await answer(FILES.slice(0, 1));

    expect(list.request.params.toString()).toBe('limit=25&offset=0&search=privacy&evidence_type=DPIA&expired=false&sort=expiry_date:asc');
    expect(text()).toContain('1–1 of 1 file');
    expect(text()).toContain('Expiring');
    const link = (harness.routeNativeElement as HTMLElement).querySelector('[data-testid=evidence-model]');
    expect(link?.getAttribute('href')).toBe('/model-inventory/models/7');
    // Auditors download but do not remove.
    expect((harness.routeNativeElement as HTMLElement).querySelectorAll('[data-testid=remove-evidence]')).toHaveLength(0);
  });

  it('keeps a chosen expiry filter in the URL and lists what the API answers for it', async () => {
    await signInAs(Role.Editor);
    harness = await RouterTestingHarness.create('/evidence');
    await answer(FILES);
    expect((harness.routeNativeElement as HTMLElement).querySelectorAll('[data-testid=remove-evidence]')).toHaveLength(2);

    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=filter-expiry]' }))).clickOptions({ text: 'Expiring within 30 days' });
    const list = await answer(FILES.slice(0, 1));

    expect(TestBed.inject(Router).url).toBe('/evidence?expiring_within_days=30');
    expect(list.request.params.get('expiring_within_days')).toBe('30');
    expect(text()).toContain('dpia-2026.pdf');
    expect(text()).not.toContain('model-card.md');
  });

  it('groups by type on request: sorts the list by type, keeps it in the URL, and heads each group with its count', async () => {
    await signInAs(Role.Viewer);
    harness = await RouterTestingHarness.create('/evidence?sort=size:desc');
    await answer(FILES);

    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    const groupBy = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=evidence-group-by]' }));
    await groupBy.clickOptions({ text: 'Type' });
    const list = await answer([FILES[0], anEvidence({ evidence_type: 'DPIA', filename: 'dpia-2025.pdf', id: 5 }), FILES[1]]);

    expect(TestBed.inject(Router).url).toBe('/evidence?sort=evidence_type:asc&group=type');
    expect(list.request.params.get('sort')).toBe('evidence_type:asc');
    expect(groupHeaders()).toEqual(['DPIA: 2 files on this page', 'Security Assessment Report: 1 file on this page']);
    expect(text()).toContain('Sorted by type; counts are of this page');
    expect(await groupBy.getValueText()).toContain('Group: Type');
  });

  it('groups by uploader within the page only, without changing the sort', async () => {
    await signInAs(Role.Viewer);
    harness = await RouterTestingHarness.create('/evidence?group=uploader');
    const list = await answer(FILES);

    expect(list.request.params.has('sort')).toBe(false);
    expect(groupHeaders()).toEqual(['Ada Lovelace: 2 files on this page']);
    expect(text()).toContain('Grouped within this page');
  });
});
