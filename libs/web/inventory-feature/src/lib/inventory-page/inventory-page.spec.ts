import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatTabNavBarHarness } from '@angular/material/tabs/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { routes } from '../inventory-routes';

describe('InventoryPage', () => {
  let harness: RouterTestingHarness;
  let answerPending: typeof import('@model-inventory/web-models-feature/testing').answerPending;
  let answerRisksPending: typeof import('@model-inventory/web-risks-feature/testing').answerRisksPending;

  // The Models and Risks tabs are lazy-loaded libraries, so their fake backends are imported the same way; loading
  // a tab the first time compiles the whole library, hence the longer timeout.
  beforeAll(async () => {
    ({ answerPending } = await import('@model-inventory/web-models-feature/testing'));
    ({ answerRisksPending } = await import('@model-inventory/web-risks-feature/testing'));
    await import('@model-inventory/web-models-feature');
    await import('@model-inventory/web-risks-feature');
    await import('@model-inventory/web-evidence-feature');
  }, 90_000);

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ children: routes, path: 'model-inventory' }], withComponentInputBinding()),
      ],
    });
    await signInAs(Role.Editor);
    harness = await RouterTestingHarness.create('/model-inventory');
    await harness.fixture.whenStable();
    answerPending();
    await harness.fixture.whenStable();
  });

  async function tabBar(): Promise<MatTabNavBarHarness> {
    return TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatTabNavBarHarness);
  }

  it('opens on the Models tab, which explains the register while it is empty', async () => {
    const tabs = await tabBar();

    expect(TestBed.inject(Router).url).toBe('/model-inventory/models');
    expect(await Promise.all((await tabs.getLinks()).map((link) => link.getLabel()))).toEqual(
      ['Models', 'Risks', 'Evidence', 'MLflow'].map((label) => expect.stringMatching(new RegExp(`${label}$`))),
    );
    expect(await (await tabs.getActiveLink()).getLabel()).toContain('Models');
    expect(harness.routeNativeElement?.textContent).toContain('Your model register');
  });

  it('switches to another section when its tab is clicked', async () => {
    const tabs = await tabBar();
    await tabs.clickLink({ label: /Evidence/ });
    await harness.fixture.whenStable();
    // The hub lists the evidence and offers the models as a filter; an empty organisation has neither.
    const backend = TestBed.inject(HttpTestingController);
    const answered: string[] = [];
    for (let attempt = 0; attempt < 100 && !answered.includes('/api/evidence'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const request of backend.match(() => true)) {
        request.flush({ items: [], limit: 25, offset: 0, total: 0 });
        answered.push(request.request.url);
      }
    }
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/model-inventory/evidence');
    expect(await (await tabs.getActiveLink()).getLabel()).toContain('Evidence');
    expect(harness.routeNativeElement?.textContent).toContain('Security and compliance evidence');
  });

  it('opens the Risks tab, which explains the risk register while it is empty', async () => {
    const tabs = await tabBar();
    await tabs.clickLink({ label: /Risks/ });
    await harness.fixture.whenStable();
    // The tab's library loads asynchronously; answer its requests once it has made them.
    const answered: string[] = [];
    for (let attempt = 0; attempt < 100 && !answered.includes('/api/modelRisks'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answered.push(...answerRisksPending({ risks: [] }).map((request) => request.request.url));
    }
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/model-inventory/risks');
    expect(await (await tabs.getActiveLink()).getLabel()).toContain('Risks');
    expect(harness.routeNativeElement?.textContent).toContain('No risks yet.');
  });
});
