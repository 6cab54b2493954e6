import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { MlflowConfigResponse, Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { anMlflowConfig, anMlflowSyncStatus } from '@model-inventory/web-mlflow-data-access';
import { MLFLOW_SYNC_POLL_MS } from '../mlflow-sync-panel/mlflow-sync-panel';
import { MlflowSettingsPage } from './mlflow-settings-page';

const CONFIG_URL = '/api/integrations/mlflow/config';
const STATUS_URL = '/api/integrations/mlflow/sync-status';

describe(MlflowSettingsPage.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<MlflowSettingsPage>;
  let loader: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        // Polling is driven by hand: each status read is answered explicitly.
        { provide: MLFLOW_SYNC_POLL_MS, useValue: 3_600_000 },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  async function open(role: Role, config: MlflowConfigResponse | null): Promise<void> {
    await signInAs(role);
    fixture = TestBed.createComponent(MlflowSettingsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    fixture.detectChanges();
    backend.expectOne(CONFIG_URL).flush(config ?? { configured: false });
    await fixture.whenStable();
    if (config) {
      backend.expectOne(STATUS_URL).flush(anMlflowSyncStatus());
      await fixture.whenStable();
    }
  }

  const labels = async () => Promise.all((await loader.getAllHarnesses(MatFormFieldHarness)).map((field) => field.getLabel()));
  const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');

  it('shows the fields of the chosen auth method, and says a stored password is kept when left blank', async () => {
    await open(Role.Admin, anMlflowConfig({ auth_method: 'basic', has_password: true, username: 'admin' }));

    expect(await labels()).toEqual(['Tracking server URL', 'Username', 'Password', 'Timeout per call']);
    expect(text()).toContain('Stored — leave blank to keep it.');

    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Bearer token' }))).check();
    expect(await labels()).toEqual(['Tracking server URL', 'API token', 'Timeout per call']);
  });

  it('sends only the chosen method’s fields, leaving a blank secret out, and shows the server’s error under its field', async () => {
    await open(Role.Admin, anMlflowConfig({ auth_method: 'basic', has_password: true, username: 'admin' }));
    const url = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="tracking_server_url"]' }));
    await url.setValue('http://169.254.169.254/');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save connection' }))).click();
    const request = backend.expectOne(CONFIG_URL);
    expect(request.request.body).toEqual({ auth_method: 'basic', timeout: 30, tracking_server_url: 'http://169.254.169.254/', username: 'admin', verify_ssl: true });
    request.flush(
      { errors: [{ field: 'tracking_server_url', message: 'tracking_server_url must not be a link-local or metadata address' }], status: 400, title: 'Bad Request', type: 'about:blank' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Tracking server URL' }));
    expect(await field.getTextErrors()).toEqual(['tracking_server_url must not be a link-local or metadata address']);
  });

  it('lets an Editor test and sync but not edit, and shows the live progress of a sync', async () => {
    await open(Role.Editor, anMlflowConfig({ last_sync_counts: { added: 0, failed: 0, lineage_unavailable: 0, models: 10, removed: 0, runs_fetched: 0, updated: 0, versions: 40 }, last_test_status: 'success' }));
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Save connection' }))).toHaveLength(0);
    expect(text()).toContain('Only an Admin can change the connection.');

    await (await loader.getHarness(MatButtonHarness.with({ text: /Sync now/ }))).click();
    backend.expectOne('/api/integrations/mlflow/sync').flush({ job_id: 'mlflow-sync-1-org-7' });
    await fixture.whenStable();
    backend.expectOne(STATUS_URL).flush(anMlflowSyncStatus({ job_id: 'mlflow-sync-1-org-7', progress: { models: 4, versions: 20 }, state: 'running' }));
    await fixture.whenStable();

    expect(text()).toContain('Syncing… 4 models, 20 versions seen');
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('50');
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: /Sync now/ }))).isDisabled()).toBe(true);
  });

  it('tells a reader that MLflow is not connected, with no form to fill', async () => {
    await open(Role.Auditor, null);

    expect(text()).toContain('MLflow is not connected. An Admin can connect it here.');
    expect(await labels()).toEqual([]);
  });
});
