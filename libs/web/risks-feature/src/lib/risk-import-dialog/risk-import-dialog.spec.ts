import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { aRisk } from '@model-inventory/web-risks-data-access';
import { withoutAnimations } from '../testing/risks-backend';
import { openRiskImportDialog, RiskImportDialog, RiskImportResult } from './risk-import-dialog';

@Component({ template: '' })
class Host {}

const FILE = ['Risk,Level,Category,Owner,Target date,Overdue', 'Prompt injection,Critical,Security,sec@acme.test,2027-01-31,No', 'Stale data,Urgent,Data Quality,ml@acme.test,2026-11-30,Yes'].join('\n');

describe(RiskImportDialog.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let dialogRef: MatDialogRef<RiskImportDialog, RiskImportResult>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), withoutAnimations] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(modelId: number | null): Promise<MatDialogHarness> {
    fixture = TestBed.createComponent(Host);
    dialogRef = openRiskImportDialog(TestBed.inject(MatDialog), { modelId });
    await fixture.whenStable();
    return TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
  }

  async function pick(text: string, name = 'risks.csv'): Promise<void> {
    const input = document.querySelector<HTMLInputElement>('[data-testid=import-file-input]') as HTMLInputElement;
    // jsdom's File has no text(): the picked file is what the dialog reads of one, its name and its text.
    Object.defineProperty(input, 'files', { configurable: true, value: [{ name, text: async () => text }] });
    input.dispatchEvent(new Event('change'));
    for (let i = 0; i < 20 && !document.querySelector('[data-testid=import-summary]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await fixture.whenStable();
    }
  }

  const text = (testId: string) => [...document.querySelectorAll(`[data-testid=${testId}]`)].map((element) => element.textContent?.replace(/\s+/g, ' ').trim());

  it('shows the file’s risks and raises them for the filtered model in one request, closing with how many', async () => {
    const dialog = await open(7);
    await pick(FILE.replace('Urgent', 'High'));

    expect(text('import-summary')).toEqual(['risks.csv: 2 risks · columns not read: Overdue']);
    expect(document.querySelectorAll('[data-testid=import-preview] tbody tr')).toHaveLength(2);
    const submit = await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=import-submit]' }));
    expect(await submit.getText()).toBe('Import 2 risks');
    await submit.click();

    const request = backend.expectOne({ method: 'POST', url: '/api/modelRisks/batch' });
    expect(request.request.body.items.map((item: { risk_name: string; model_id: number }) => [item.risk_name, item.model_id])).toEqual([
      ['Prompt injection', 7],
      ['Stale data', 7],
    ]);
    const closed = new Promise((resolve) => dialogRef.afterClosed().subscribe(resolve));
    request.flush({ items: [aRisk({ id: 1 }), aRisk({ id: 2 })] }, { status: 201, statusText: 'Created' });
    expect(await closed).toBe(2);
  });

  it('shows each refusal of the API by the file’s line and field, and stays open with nothing imported', async () => {
    const dialog = await open(7);
    await pick(FILE);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=import-submit]' }))).click();

    backend.expectOne({ method: 'POST', url: '/api/modelRisks/batch' }).flush(
      { detail: 'The request has invalid fields.', errors: [{ field: 'items.1.risk_level', message: 'risk_level must be one of: Low, Medium, High, Critical' }], status: 400, title: 'Bad Request' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(text('import-error')).toEqual(['Line 3, risk_level: risk_level must be one of: Low, Medium, High, Critical']);
    expect(text('import-refusal')[0]).toContain('Nothing was imported.');
    expect(document.querySelector('mi-risk-import-dialog')).not.toBeNull();
  });

  it('sends nothing for a file it cannot import, and says why', async () => {
    const dialog = await open(null);
    await pick(FILE);

    expect(text('import-problem')).toEqual(['errorNo model for line 2, 3: add a model_id column, or filter the list by the model first.']);
    expect(await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=import-submit]' }))).isDisabled()).toBe(true);
  });
});
