import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { HarnessLoader, TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipGridHarness } from '@angular/material/chips/testing';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { provideRouter } from '@angular/router';
import { ChangeHistoryEntry, ModelRiskLevel, ModelRiskStatus, ModelStatus, Role } from '@model-inventory/contracts';
import { aModel } from '@model-inventory/web-inventory-data-access';
import { aRisk } from '@model-inventory/web-risks-data-access';
import { answerPending, signInAs, withoutAnimations } from '../testing/inventory-backend';
import { ModelDialog, ModelDialogData, ModelDialogResult } from './model-dialog';

@Component({ template: '' })
class Host {}

describe(ModelDialog.name, () => {
  // The Risks tab draws a panel of the lazy-loaded risks library; loading it the first time compiles the library.
  beforeAll(async () => {
    await import('@model-inventory/web-risks-feature');
  }, 60_000);

  let backend: HttpTestingController;
  let overlay: HarnessLoader;
  let dialogRef: MatDialogRef<ModelDialog, ModelDialogResult>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), withoutAnimations] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(role: Role, id: number | null, model = aModel({ id: id ?? 1 })): Promise<MatDialogHarness> {
    await signInAs(role);
    const fixture = TestBed.createComponent(Host);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    dialogRef = TestBed.inject(MatDialog).open<ModelDialog, ModelDialogData, ModelDialogResult>(ModelDialog, { data: { id } });
    await fixture.whenStable();
    answerPending();
    if (id !== null) {
      backend.expectOne(`/api/modelInventory/${id}`).flush(model, { headers: { ETag: `"mi-${id}-v3"` } });
    }
    return overlay.getHarness(MatDialogHarness);
  }

  /** Waits for a request the dialog makes after loading a lazy library, then answers it. */
  async function waitFor(url: string, answer: (request: TestRequest) => void): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const [request] = backend.match((candidate) => candidate.url === url);
      if (request) {
        answer(request);
        await overlay.getAllHarnesses(MatDialogHarness);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`No request to ${url}`);
  }

  async function field(dialog: MatDialogHarness, label: string): Promise<MatFormFieldHarness> {
    return dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function type(dialog: MatDialogHarness, label: string, value: string): Promise<void> {
    const control = (await (await field(dialog, label)).getControl(MatInputHarness)) as MatInputHarness;
    await control.setValue(value);
    await control.blur();
  }

  async function fillRequiredFields(dialog: MatDialogHarness): Promise<void> {
    await type(dialog, 'Provider', 'OpenAI');
    await type(dialog, 'Model', 'GPT-4o');
    await type(dialog, 'Version', '2024-08-06');
    await type(dialog, 'Hosting provider', 'Azure (EU)');
    await type(dialog, 'Reference link', 'https://platform.openai.com/docs/models');
    await type(dialog, 'Approver e-mail', 'governance@acme.test');
    await type(dialog, 'Known biases', 'Western-centric training data.');
    await type(dialog, 'Limitations', 'Hallucinates on niche facts.');
    const chips = await dialog.getHarness(MatChipGridHarness);
    const input = await chips.getInput();
    await input?.setValue('text-generation');
    await input?.sendSeparatorKey(TestKey.ENTER);
  }

  it('shows every missing field with its label on Save, sends nothing, then registers the complete model as the API expects', async () => {
    const dialog = await open(Role.Reviewer, null);
    const save = await dialog.getHarness(MatButtonHarness.with({ text: 'Register model' }));
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    backend.expectNone({ method: 'POST', url: '/api/modelInventory' });
    expect(await (await field(dialog, 'Provider')).getTextErrors()).toEqual(['Provider is required.']);
    expect(await (await field(dialog, 'Approver e-mail')).getTextErrors()).toEqual(['Approver e-mail is required.']);
    expect(await dialog.getText()).toMatch(/Check the \d+ highlighted fields before saving/);

    await fillRequiredFields(dialog);
    await save.click();

    const request = backend.expectOne({ method: 'POST', url: '/api/modelInventory' });
    expect(request.request.body).toMatchObject({
      approver: 'governance@acme.test',
      capabilities: ['text-generation'],
      provider: 'OpenAI',
      security_assessment: false,
      status: ModelStatus.PENDING,
      status_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const closed = jest.fn();
    dialogRef.afterClosed().subscribe(closed);
    request.flush(aModel({ id: 12 }), { status: 201, statusText: 'Created' });
    await dialogRef.afterClosed().toPromise();
    expect(closed).toHaveBeenCalledWith('saved');
  });

  it('shows the validation errors the server sends on the fields they belong to', async () => {
    const dialog = await open(Role.Reviewer, null);
    await fillRequiredFields(dialog);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Register model' }))).click();

    backend.expectOne({ method: 'POST', url: '/api/modelInventory' }).flush(
      {
        detail: 'The request has 2 invalid fields.',
        errors: [
          { field: 'approver', message: 'approver must be an e-mail address' },
          { field: 'reference_link', message: 'reference_link must be an http(s) URL' },
        ],
        status: 400,
        title: 'Bad Request',
      },
      { status: 400, statusText: 'Bad Request' },
    );

    expect(await (await field(dialog, 'Approver e-mail')).getTextErrors()).toEqual(['approver must be an e-mail address']);
    expect(await (await field(dialog, 'Reference link')).getTextErrors()).toEqual(['reference_link must be an http(s) URL']);
    expect(await (await field(dialog, 'Provider')).hasErrors()).toBe(false);
  });

  it('does not let an Editor approve, restrict or block a model, and says why', async () => {
    const dialog = await open(Role.Editor, null);
    const status = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=status-select]' }));
    await status.open();
    const options = await status.getOptions();
    const states = await Promise.all(options.map(async (option) => [(await option.getText()).split(' ')[0], await option.isDisabled()]));

    expect(states).toEqual([
      ['Approved', true],
      ['Restricted', true],
      ['Pending', false],
      ['Blocked', true],
    ]);
    expect(await (await field(dialog, 'Status')).getTextHints()).toEqual([
      'Only Admins and Reviewers can approve, restrict or block a model.',
    ]);
  });

  it('lets a Reviewer choose any status', async () => {
    const dialog = await open(Role.Reviewer, null);
    const status = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=status-select]' }));
    await status.open();

    for (const option of await status.getOptions()) {
      expect(await option.isDisabled()).toBe(false);
    }
  });

  it('shows an Auditor the model read-only, with no Save or Delete', async () => {
    const dialog = await open(Role.Auditor, 5, aModel({ capabilities: ['summarization'], hosting_provider: 'Azure', id: 5, projects: [11] }));

    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ text: /Save|Delete/ }))).toHaveLength(0);
    // Text to read, not greyed-out inputs.
    expect(await dialog.getAllHarnesses(MatInputHarness)).toHaveLength(0);
    const details = document.querySelector('[data-testid=model-details-view]');
    expect(details?.textContent).toMatch(/Hosting provider\s*Azure/);
    expect(details?.textContent).toMatch(/Projects\s*Customer Support Assistant/);
    expect(details?.textContent).toContain('summarization');
    expect(await dialog.getText()).toContain('Read-only');
    expect(await dialog.getHarness(MatButtonHarness.with({ text: 'Close' }))).toBeTruthy();
  });

  it('sends only the changed fields with the ETag it read, and explains a conflicting edit', async () => {
    const dialog = await open(Role.Editor, 5, aModel({ id: 5, status: ModelStatus.APPROVED }));
    await type(dialog, 'Version', '2024-11-20');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save changes' }))).click();

    const patch = backend.expectOne({ method: 'PATCH', url: '/api/modelInventory/5' });
    expect(patch.request.body).toEqual({ version: '2024-11-20' });
    expect(patch.request.headers.get('If-Match')).toBe('"mi-5-v3"');
    patch.flush(
      { detail: 'The model changed since you read it.', status: 412, title: 'Precondition Failed' },
      { status: 412, statusText: 'Precondition Failed' },
    );

    expect(await dialog.getText()).toContain('Someone else changed this model');
    expect(await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save changes' }))).isDisabled()).toBe(true);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Reload' }))).click();
    backend.expectOne('/api/modelInventory/5').flush(aModel({ id: 5, version: '2025-01-01' }), { headers: { ETag: '"mi-5-v4"' } });
    expect(await (await (await field(dialog, 'Version')).getControl(MatInputHarness))?.getValue()).toBe('2025-01-01');
    expect(await dialog.getText()).not.toContain('Someone else changed this model');
  });

  it('lists who changed what, from what to what, on the Activity tab, newest first, with more on demand', async () => {
    const dialog = await open(Role.Reviewer, 5);
    await (await dialog.getHarness(MatTabGroupHarness)).selectTab({ label: 'Activity' });

    const entry = (overrides: Partial<ChangeHistoryEntry>): ChangeHistoryEntry => ({
      action: 'updated',
      changed_at: '2026-01-06T10:00:00.000Z',
      changed_by_email: 'ada@acme.test',
      changed_by_name: 'Ada Lovelace',
      changed_by_user_id: 1,
      field_name: 'status',
      id: 1,
      model_inventory_id: 5,
      new_value: 'Approved',
      old_value: 'Pending',
      ...overrides,
    });
    backend.expectOne('/api/model-inventory-change-history/5?limit=20&offset=0').flush({
      items: [
        entry({ id: 3 }),
        entry({ field_name: 'capabilities', id: 2, new_value: '["text-generation","vision"]', old_value: '["text-generation"]' }),
        entry({ action: 'created', changed_at: '2026-01-05T09:00:00.000Z', changed_by_name: 'Grace Hopper', field_name: 'provider', id: 1, new_value: 'OpenAI', old_value: null }),
      ],
      total: 23,
    });

    const text = await dialog.getText();
    expect(text).toContain('Ada Lovelace changed 2 fields');
    expect(text).toMatch(/Status\s*Pending\s*→\s*Approved/);
    expect(text).toMatch(/Capabilities\s*text-generation\s*→\s*text-generation, vision/);
    expect(text).toContain('Grace Hopper registered this model');
    expect(text.indexOf('Ada Lovelace')).toBeLessThan(text.indexOf('Grace Hopper'));

    await (await dialog.getHarness(MatButtonHarness.with({ text: /Load more \(20 older changes\)/ }))).click();
    backend.expectOne('/api/model-inventory-change-history/5?limit=20&offset=3').flush({ items: [], total: 23 });
  });

  it('deletes a model only after the user confirms', async () => {
    const dialog = await open(Role.Admin, 5);
    await (await dialog.getHarness(MatButtonHarness.with({ text: /Delete/ }))).click();
    const confirm = (await overlay.getAllHarnesses(MatDialogHarness))[1];
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Delete model' }))).click();

    const request = backend.expectOne({ method: 'DELETE', url: '/api/modelInventory/5' });
    expect(request.request.headers.get('If-Match')).toBe('"mi-5-v3"');
    const closed = dialogRef.afterClosed().toPromise();
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(await closed).toBe('deleted');
  });

  it("lists the model's risks on its Risks tab, and raises one against the model from there", async () => {
    const dialog = await open(Role.Editor, 5);
    await (await dialog.getHarness(MatTabGroupHarness)).selectTab({ label: 'Risks' });
    await waitFor('/api/modelRisks', (request) => {
      expect(request.request.params.toString()).toBe('limit=50&model_id=5&sort=risk_level:desc');
      request.flush({
        items: [
          aRisk({ id: 8, risk_level: ModelRiskLevel.CRITICAL, risk_name: 'Prompt injection', status: ModelRiskStatus.IN_PROGRESS }),
          aRisk({ id: 9, risk_level: ModelRiskLevel.LOW, risk_name: 'Verbose answers', status: ModelRiskStatus.RESOLVED }),
        ],
        limit: 50,
        offset: 0,
        total: 2,
      });
    });

    const text = await dialog.getText();
    expect(text).toContain('2 risks, 1 open or in progress.');
    expect(text).toMatch(/Prompt injection.*Critical.*In Progress/);

    await (await dialog.getHarness(MatButtonHarness.with({ text: /Add risk/ }))).click();
    backend.expectOne('/api/modelInventory/5').flush(aModel({ id: 5, model: 'GPT-4o', version: '2024-08-06' }));
    const [, riskDialog] = await overlay.getAllHarnesses(MatDialogHarness);
    expect(await riskDialog.getTitleText()).toContain('Raise a risk');
    const model = await riskDialog.getHarness(MatInputHarness.with({ selector: '[data-testid=risk-model]' }));
    expect(await model.getValue()).toBe('GPT-4o 2024-08-06 · OpenAI');
  });
});
