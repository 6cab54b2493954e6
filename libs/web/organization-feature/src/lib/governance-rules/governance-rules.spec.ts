import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatChipHarness } from '@angular/material/chips/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { OrganizationSettingsResponse } from '@model-inventory/contracts';
import { someOrganizationSettings } from '@model-inventory/web-organization-data-access';
import { GovernanceRules } from './governance-rules';

describe(GovernanceRules.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<GovernanceRules>;
  let loader: HarnessLoader;
  let saved: OrganizationSettingsResponse[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function show(settings: OrganizationSettingsResponse, canEdit: boolean): Promise<void> {
    fixture = TestBed.createComponent(GovernanceRules);
    fixture.componentRef.setInput('settings', settings);
    fixture.componentRef.setInput('canEdit', canEdit);
    saved = [];
    fixture.componentInstance.saved.subscribe((each) => saved.push(each));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const toggle = (label: string) => loader.getHarness(MatSlideToggleHarness.with({ label }));
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('explains each rule in one sentence beside its switch', async () => {
    await show(someOrganizationSettings(), true);

    expect(await Promise.all((await loader.getAllHarnesses(MatSlideToggleHarness)).map((each) => each.getLabelText()))).toEqual([
      'Re-review on material change',
      'Require a rationale',
      'Approval requires evidence',
    ]);
    expect(text()).toContain('sends it back to Pending, unless an Admin or Reviewer re-approves it');
    expect(text()).toContain('needs a short rationale');
    expect(text()).toContain('unexpired Security Assessment Report');
  });

  it('lists the material fields only while re-review is on, with the default ones ticked', async () => {
    await show(someOrganizationSettings(), true);
    expect(await loader.getAllHarnesses(MatCheckboxHarness)).toEqual([]);

    await (await toggle('Re-review on material change')).toggle();

    const boxes = await loader.getAllHarnesses(MatCheckboxHarness);
    const ticked = [];
    for (const box of boxes) if (await box.isChecked()) ticked.push(await box.getLabelText());
    expect(boxes).toHaveLength(11);
    expect(ticked).toEqual(['Provider', 'Model', 'Version', 'Hosting provider', 'Capabilities']);
  });

  it('saves the switches and the chosen material fields, and reports them saved', async () => {
    await show(someOrganizationSettings(), true);
    await (await toggle('Re-review on material change')).toggle();
    await (await toggle('Require a rationale')).toggle();
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Capabilities' }))).uncheck();
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Approver e-mail' }))).check();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save governance rules' }))).click();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/organization/settings' });
    expect(request.request.body).toEqual({
      approval_requires_evidence: false,
      material_fields: ['provider', 'model', 'version', 'hosting_provider', 'approver'],
      require_status_rationale: true,
      review_on_material_change: true,
    });
    const answer = someOrganizationSettings({ material_fields: request.request.body.material_fields, require_status_rationale: true, review_on_material_change: true });
    request.flush(answer);
    await fixture.whenStable();

    expect(saved).toEqual([answer]);
    expect(await (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage()).toBe('Governance rules saved.');
  });

  it('asks for a material field rather than saving re-review with none', async () => {
    await show(someOrganizationSettings({ material_fields: ['version'], review_on_material_change: true }), true);
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Version' }))).uncheck();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save governance rules' }))).click();

    expect(fixture.nativeElement.querySelector('[data-testid="material-fields"] [role="alert"]').textContent).toBe('Pick at least one material field, or turn re-review off.');
  });

  it('shows a rule the server refuses under that rule', async () => {
    await show(someOrganizationSettings(), true);
    await (await toggle('Approval requires evidence')).toggle();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save governance rules' }))).click();
    backend
      .expectOne({ method: 'PATCH', url: '/api/organization/settings' })
      .flush({ errors: [{ field: 'approval_requires_evidence', message: 'approval_requires_evidence must be a boolean value' }], status: 400, title: 'Bad Request' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    const rule = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="rule-approval_requires_evidence"]')?.closest('.rule');
    expect(rule?.querySelector('[role="alert"]')?.textContent).toBe('approval_requires_evidence must be a boolean value');
    expect(saved).toEqual([]);
  });

  it('shows the rules and the watched fields to read when the user may not change them', async () => {
    await show(someOrganizationSettings({ material_fields: ['version', 'hosting_provider'], review_on_material_change: true }), false);

    expect(await loader.getAllHarnesses(MatSlideToggleHarness)).toEqual([]);
    expect(await loader.getAllHarnesses(MatButtonHarness)).toEqual([]);
    expect(await Promise.all((await loader.getAllHarnesses(MatChipHarness)).map((chip) => chip.getText()))).toEqual(['Version', 'Hosting provider']);
    expect(fixture.nativeElement.querySelector('[data-testid="rule-approval_requires_evidence"] [data-testid="rule-state"]').textContent.trim()).toBe('Off');
  });
});
