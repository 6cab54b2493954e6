import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { ModelRiskResponse, ModelRiskStatus, RiskChangeHistoryEntry, Role } from '@model-inventory/contracts';
import { aModel } from '@model-inventory/web-inventory-data-access';
import { aRisk } from '@model-inventory/web-risks-data-access';
import { signInAs, withoutAnimations } from '../testing/risks-backend';
import { RiskDialog, RiskDialogData, RiskDialogResult } from './risk-dialog';

@Component({ template: '' })
class Host {}

const conflict = (detail: string) => [
  { detail, status: 409, title: 'Conflict' },
  { status: 409, statusText: 'Conflict' },
] as const;

describe(RiskDialog.name, () => {
  let backend: HttpTestingController;
  let overlay: HarnessLoader;
  let dialogRef: MatDialogRef<RiskDialog, RiskDialogResult>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), withoutAnimations] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(role: Role, data: RiskDialogData, risk?: ModelRiskResponse): Promise<MatDialogHarness> {
    await signInAs(role);
    const fixture = TestBed.createComponent(Host);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    dialogRef = TestBed.inject(MatDialog).open<RiskDialog, RiskDialogData, RiskDialogResult>(RiskDialog, { data });
    await fixture.whenStable();
    if (data.id !== null) {
      backend.expectOne(`/api/modelRisks/${data.id}`).flush(risk ?? aRisk({ id: data.id }), { headers: { ETag: `"risk-${data.id}-v3"` } });
    }
    return overlay.getHarness(MatDialogHarness);
  }

  const field = (dialog: MatDialogHarness, label: string) => dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const button = (dialog: MatDialogHarness, text: string | RegExp) => dialog.getHarness(MatButtonHarness.with({ text }));
  const transitionButtons = async (dialog: MatDialogHarness) =>
    Promise.all((await dialog.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid^=transition-]' }))).map((b) => b.getText()));

  async function type(dialog: MatDialogHarness, label: string, value: string): Promise<void> {
    const control = (await (await field(dialog, label)).getControl(MatInputHarness)) as MatInputHarness;
    await control.setValue(value);
    await control.blur();
  }

  async function choose(dialog: MatDialogHarness, testId: string, option: string | RegExp): Promise<void> {
    await (await dialog.getHarness(MatSelectHarness.with({ selector: `[data-testid=${testId}]` }))).clickOptions({ text: option });
  }

  async function pickModel(dialog: MatDialogHarness, search: string): Promise<void> {
    const picker = await dialog.getHarness(MatAutocompleteHarness.with({ selector: '[data-testid=risk-model]' }));
    await picker.focus();
    await picker.enterText(search);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const requests = backend.match((request) => request.url === '/api/modelInventory');
    expect(requests.at(-1)?.request.params.get('search')).toBe(search);
    for (const request of requests.filter((candidate) => !candidate.cancelled)) {
      request.flush({ items: [aModel({ id: 4, model: 'GPT-4o', version: '2024-08-06' })], limit: 20, offset: 0, total: 1 });
    }
    await picker.selectOption({ text: /GPT-4o/ });
  }

  it('keeps Raise disabled until the required fields are filled, then raises the risk as the API expects', async () => {
    const dialog = await open(Role.Editor, { id: null });
    const raise = await button(dialog, 'Raise risk');
    expect(await raise.isDisabled()).toBe(true);
    // The owner starts as the person raising the risk.
    expect(await (await (await field(dialog, 'Owner')).getControl(MatInputHarness))?.getValue()).toBe('grace@acme.test');

    await type(dialog, 'Risk', 'Prompt injection through pasted tickets');
    await pickModel(dialog, 'gpt');
    await choose(dialog, 'risk-category', 'Security');
    await choose(dialog, 'risk-level', /Critical/);
    await (await dialog.getHarness(MatDatepickerInputHarness)).setValue('3/31/2026');
    await choose(dialog, 'risk-impact', 'Very High');
    await choose(dialog, 'risk-likelihood', 'Medium');
    expect(await dialog.getText()).toContain('On the matrix: Critical severity');
    expect(await raise.isDisabled()).toBe(false);
    await raise.click();

    const request = backend.expectOne({ method: 'POST', url: '/api/modelRisks' });
    expect(request.request.body).toEqual({
      current_values: null,
      description: null,
      impact: 'Very High',
      key_metrics: null,
      likelihood: 'Medium',
      mitigation_plan: null,
      model_id: 4,
      owner: 'grace@acme.test',
      risk_category: 'Security',
      risk_level: 'Critical',
      risk_name: 'Prompt injection through pasted tickets',
      target_date: '2026-03-31',
      threshold: null,
    });
    const closed = dialogRef.afterClosed().toPromise();
    request.flush(aRisk({ id: 12 }), { status: 201, statusText: 'Created' });
    expect(await closed).toBe('saved');
  }, 20_000);

  it("shows the server's field errors on their fields, the model's included", async () => {
    const dialog = await open(Role.Editor, { id: 5 });
    await type(dialog, 'Risk', 'Renamed');
    await (await button(dialog, 'Save changes')).click();

    backend.expectOne({ method: 'PUT', url: '/api/modelRisks/5' }).flush(
      {
        detail: 'One or more fields are invalid.',
        errors: [
          { field: 'model_id', message: 'model_id 1 is not a model of your organisation (or it is deleted)' },
          { field: 'owner', message: 'owner must be at most 200 characters' },
        ],
        status: 400,
        title: 'Validation Failed',
      },
      { status: 400, statusText: 'Bad Request' },
    );

    expect(await (await field(dialog, 'Model')).getTextErrors()).toEqual(['model_id 1 is not a model of your organisation (or it is deleted)']);
    expect(await (await field(dialog, 'Owner')).getTextErrors()).toEqual(['owner must be at most 200 characters']);
    expect(await (await field(dialog, 'Risk')).hasErrors()).toBe(false);
  });

  it('saves every field with the ETag it read, never the status, and explains a conflicting edit', async () => {
    const dialog = await open(Role.Reviewer, { id: 5 }, aRisk({ id: 5, status: ModelRiskStatus.IN_PROGRESS }));
    await type(dialog, 'Threshold', 'Under 2 % error');
    await (await button(dialog, 'Save changes')).click();

    const put = backend.expectOne({ method: 'PUT', url: '/api/modelRisks/5' });
    expect(put.request.headers.get('If-Match')).toBe('"risk-5-v3"');
    expect(put.request.body).toMatchObject({ risk_name: 'Accuracy drops on non-English tickets', threshold: 'Under 2 % error' });
    expect(put.request.body).not.toHaveProperty('status');
    put.flush({ detail: 'The risk changed since you read it.', status: 412, title: 'Precondition Failed' }, { status: 412, statusText: 'Precondition Failed' });

    expect(await dialog.getText()).toContain('Someone else changed this risk');
    await (await button(dialog, 'Reload')).click();
    backend.expectOne('/api/modelRisks/5').flush(aRisk({ id: 5, threshold: 'Under 5 %' }), { headers: { ETag: '"risk-5-v4"' } });
    expect(await (await (await field(dialog, 'Threshold')).getControl(MatInputHarness))?.getValue()).toBe('Under 5 %');
  });

  it('offers only the allowed next states, and moves the status alone with the ETag it read', async () => {
    const dialog = await open(Role.Editor, { id: 5 });
    expect(await transitionButtons(dialog)).toEqual(['play_arrow Start mitigation']);

    await (await button(dialog, /Start mitigation/)).click();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/modelRisks/5' });
    expect(patch.request.headers.get('If-Match')).toBe('"risk-5-v3"');
    expect(patch.request.body).toEqual({ status: 'In Progress' });
    patch.flush(aRisk({ id: 5, status: ModelRiskStatus.IN_PROGRESS }), { headers: { ETag: '"risk-5-v4"' } });

    // The dialog stays open on the moved risk, offering its next states.
    expect(await transitionButtons(dialog)).toEqual(['task_alt Mark resolved', 'thumb_up Accept risk']);
    const closed = dialogRef.afterClosed().toPromise();
    await (await button(dialog, 'Cancel')).click();
    expect(await closed).toBe('saved');
  });

  it('asks before accepting a risk, and says who accepted it', async () => {
    const dialog = await open(Role.Reviewer, { id: 5 }, aRisk({ id: 5, status: ModelRiskStatus.IN_PROGRESS }));
    await (await button(dialog, /Accept risk/)).click();
    const [, confirm] = await overlay.getAllHarnesses(MatDialogHarness);
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Accept risk' }))).click();

    const patch = backend.expectOne({ method: 'PATCH', url: '/api/modelRisks/5' });
    expect(patch.request.body).toEqual({ status: 'Accepted' });
    patch.flush(
      aRisk({ accepted_at: '2026-01-06T10:00:00Z', accepted_by: 3, accepted_by_name: 'Grace Hopper', id: 5, status: ModelRiskStatus.ACCEPTED }),
    );
    expect(await dialog.getText()).toContain('accepted by Grace Hopper on Jan 6, 2026');
    expect(await transitionButtons(dialog)).toEqual(['replay Reopen']);
  });

  it('explains a refused transition with the server’s words and shows the risk as it now is', async () => {
    const dialog = await open(Role.Editor, { id: 5 });
    await (await button(dialog, /Start mitigation/)).click();
    backend
      .expectOne({ method: 'PATCH', url: '/api/modelRisks/5' })
      .flush(...conflict('A risk cannot move from Resolved to In Progress; from Resolved it can move to Open.'));

    backend.expectOne('/api/modelRisks/5').flush(aRisk({ id: 5, status: ModelRiskStatus.RESOLVED }), { headers: { ETag: '"risk-5-v5"' } });
    expect(await dialog.getText()).toContain('A risk cannot move from Resolved to In Progress; from Resolved it can move to Open.');
    expect(await transitionButtons(dialog)).toEqual(['replay Reopen']);
  });

  it('holds status changes back while there are unsaved edits', async () => {
    const dialog = await open(Role.Editor, { id: 5 });
    await type(dialog, 'Owner', 'ada@acme.test');

    expect(await (await button(dialog, /Start mitigation/)).isDisabled()).toBe(true);
    expect(await dialog.getText()).toContain('Save or discard your edits first.');
  });

  it('shows an Auditor the risk read-only: no status actions, no Save or Delete', async () => {
    const dialog = await open(Role.Auditor, { id: 5 });

    expect(await transitionButtons(dialog)).toEqual([]);
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ text: /Save|Delete/ }))).toHaveLength(0);
    expect(await (await (await field(dialog, 'Risk')).getControl(MatInputHarness))?.isDisabled()).toBe(true);
    expect(await dialog.getText()).toContain('Read-only');
  });

  it('deletes a risk only after the user confirms, with the ETag it read', async () => {
    const dialog = await open(Role.Admin, { id: 5 });
    await (await button(dialog, /Delete/)).click();
    const [, confirm] = await overlay.getAllHarnesses(MatDialogHarness);
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Delete risk' }))).click();

    const request = backend.expectOne({ method: 'DELETE', url: '/api/modelRisks/5' });
    expect(request.request.headers.get('If-Match')).toBe('"risk-5-v3"');
    const closed = dialogRef.afterClosed().toPromise();
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(await closed).toBe('deleted');
  });

  it('shows a deleted risk read-only and restores it', async () => {
    const deleted = aRisk({ deleted_at: '2026-01-06T10:00:00Z', id: 5, is_deleted: true });
    const dialog = await open(Role.Editor, { id: 5 }, deleted);
    expect(await dialog.getText()).toContain('It is read-only until it is restored.');
    expect(await transitionButtons(dialog)).toEqual([]);
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ text: /Save|Delete/ }))).toHaveLength(0);

    await (await button(dialog, /Restore/)).click();
    backend.expectOne({ method: 'POST', url: '/api/modelRisks/5/restore' }).flush(aRisk({ id: 5 }), { headers: { ETag: '"risk-5-v4"' } });

    expect(await dialog.getText()).not.toContain('read-only until');
    expect(await transitionButtons(dialog)).toEqual(['play_arrow Start mitigation']);
    expect(await (await (await field(dialog, 'Risk')).getControl(MatInputHarness))?.isDisabled()).toBe(false);
  });

  it('explains why a risk of a deleted model cannot be restored', async () => {
    const model = { id: 1, is_deleted: true, model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' };
    const dialog = await open(Role.Editor, { id: 5 }, aRisk({ deleted_at: '2026-01-06T10:00:00Z', id: 5, is_deleted: true, model }));

    expect(await dialog.getText()).toContain('Its model, GPT-4o 2024-08-06, was deleted too, so it cannot be restored.');
    expect(await (await button(dialog, /Restore/)).isDisabled()).toBe(true);
  });

  it('shows the server’s reason when a restore is refused', async () => {
    const dialog = await open(Role.Editor, { id: 5 }, aRisk({ deleted_at: '2026-01-06T10:00:00Z', id: 5, is_deleted: true }));
    await (await button(dialog, /Restore/)).click();
    backend
      .expectOne({ method: 'POST', url: '/api/modelRisks/5/restore' })
      .flush(...conflict("The risk's model (model_id 1) is deleted; a risk of a deleted model cannot be restored."));

    expect(await dialog.getText()).toContain('a risk of a deleted model cannot be restored.');
    // The deleted risk is read again, so the dialog shows it as it is now.
    backend.expectOne('/api/modelRisks/5').flush(aRisk({ id: 5, is_deleted: true, model: { ...aRisk().model, is_deleted: true } }));
    expect(await (await button(dialog, /Restore/)).isDisabled()).toBe(true);
  });

  it('tells the story of the risk on the Activity tab: raised, moved, deleted and restored', async () => {
    const dialog = await open(Role.Reviewer, { id: 5 });
    await (await dialog.getHarness(MatTabGroupHarness)).selectTab({ label: 'Activity' });

    const entry = (overrides: Partial<RiskChangeHistoryEntry>): RiskChangeHistoryEntry => ({
      action: 'updated',
      changed_at: '2026-01-06T10:00:00.000Z',
      changed_by_email: 'ada@acme.test',
      changed_by_name: 'Ada Lovelace',
      changed_by_user_id: 1,
      field_name: 'status',
      id: 1,
      model_risk_id: 5,
      new_value: 'In Progress',
      old_value: 'Open',
      ...overrides,
    });
    backend.expectOne('/api/model-risk-change-history/5?limit=20&offset=0').flush({
      items: [
        entry({ action: 'restored', changed_at: '2026-01-08T10:00:00.000Z', field_name: 'is_deleted', id: 4, new_value: 'false', old_value: 'true' }),
        entry({ action: 'deleted', changed_at: '2026-01-07T10:00:00.000Z', field_name: 'is_deleted', id: 3, new_value: 'true', old_value: 'false' }),
        entry({ id: 2 }),
        entry({ action: 'created', changed_at: '2026-01-05T09:00:00.000Z', changed_by_name: 'Grace Hopper', field_name: 'risk_name', id: 1, new_value: 'x', old_value: null }),
      ],
      total: 4,
    });

    const text = await dialog.getText();
    expect(text).toContain('Ada Lovelace restored this risk');
    expect(text).toContain('Ada Lovelace deleted this risk');
    expect(text).toMatch(/Ada Lovelace changed status.*Open\s*→\s*In Progress/s);
    expect(text).toContain('Grace Hopper raised this risk');
  });
});
