import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideRouter } from '@angular/router';
import { ModelRiskLevel, ModelRiskStatus, Role } from '@model-inventory/contracts';
import { aRisk } from '@model-inventory/web-risks-data-access';
import { signInAs, withoutAnimations } from '../testing/risks-backend';
import { ModelRisks } from './model-risks';

@Component({
  imports: [ModelRisks],
  template: '<mi-model-risks [modelId]="5" [changed]="changed" />',
})
class ModelDialogTab {
  readonly changes = signal(0);
  readonly changed = () => this.changes.update((count) => count + 1);
}

const MODEL = { ...aRisk().model, id: 5 };
const RISKS = [
  aRisk({ id: 8, model: MODEL, model_id: 5, risk_level: ModelRiskLevel.CRITICAL, risk_name: 'Prompt injection', status: ModelRiskStatus.OPEN }),
  aRisk({ id: 9, model: MODEL, model_id: 5, risk_level: ModelRiskLevel.LOW, risk_name: 'Verbose answers', status: ModelRiskStatus.ACCEPTED }),
];

describe(ModelRisks.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ModelDialogTab>;
  let loader: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), withoutAnimations] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(role: Role, total = RISKS.length): Promise<void> {
    await signInAs(role);
    fixture = TestBed.createComponent(ModelDialogTab);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    answerList(total);
    await fixture.whenStable();
  }

  function answerList(total: number): TestRequest {
    const request = backend.expectOne((candidate) => candidate.url === '/api/modelRisks');
    request.flush({ items: RISKS, limit: 50, offset: 0, total });
    return request;
  }

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it("lists the model's risks, most severe first, with a link to all of them on the Risks tab", async () => {
    await open(Role.Reviewer, 60);

    expect(text()).toContain('60 risks, 1 open or in progress.');
    const names = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid=risk-name]')].map((name) => name.textContent);
    expect(names).toEqual(['Prompt injection', 'Verbose answers']);
    expect(text()).toContain('The 2 most severe are listed; the Risks tab has all 60.');
    const link = (fixture.nativeElement as HTMLElement).querySelector('[data-testid=model-risks-link]');
    expect(link?.getAttribute('href')).toBe('/model-inventory/risks?model_id=5');
  });

  it('raises a risk against the model over the model dialog, then lists it and tells the host', async () => {
    await open(Role.Editor);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add risk/ }))).click();
    backend.expectOne('/api/modelInventory/5').flush({ id: 5, model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });

    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toContain('Raise a risk');
    const [ref] = TestBed.inject(MatDialog).openDialogs;
    expect(ref.componentInstance['data']).toEqual({ id: null, modelId: 5 });
    ref.close('saved');
    await fixture.whenStable();

    answerList(3);
    expect(fixture.componentInstance.changes()).toBe(1);
  });

  it('opens a risk of the model in the risk dialog', async () => {
    await open(Role.Editor);
    ((fixture.nativeElement as HTMLElement).querySelector('[data-testid=risk-row]') as HTMLElement).click();
    await fixture.whenStable();

    backend.expectOne('/api/modelRisks/8').flush(RISKS[0]);
    expect(await (await loader.getHarness(MatDialogHarness)).getTitleText()).toContain('Prompt injection');
  });

  it('does not offer auditors to add a risk', async () => {
    await open(Role.Auditor);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Add risk/ }))).toHaveLength(0);
  });
});
