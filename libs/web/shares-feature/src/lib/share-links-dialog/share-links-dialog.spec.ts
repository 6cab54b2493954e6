import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatDatepickerInputHarness } from '@angular/material/datepicker/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { ModelStatus, ShareLinkResponse } from '@model-inventory/contracts';
import { aShareLink } from '@model-inventory/web-shares-data-access';
import { endOfDay } from '../create-share-dialog/create-share-dialog';
import { openShareLinksDialog } from '../open-share-dialogs';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, selector: 'mi-host', template: '' })
class Host {}

const LIVE = aShareLink({
  access_count: 3,
  allow_export: true,
  expires_at: '2099-12-31T22:59:59.000Z',
  filters: { provider: 'OpenAI', status: [ModelStatus.APPROVED] },
  id: 1,
  last_accessed_at: '2026-12-01T10:00:00.000Z',
});
const DISABLED = aShareLink({ created_by: null, enabled: false, fields: 'all', id: 2, resource: 'risks' });
const REVOKED = aShareLink({ id: 3, revoked_at: '2026-11-30T10:00:00.000Z' });
const EXPIRED = aShareLink({ expires_at: '2020-01-01T00:00:00.000Z', id: 4 });

describe('ShareLinksDialog', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let overlay: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => backend.verify());

  const answerList = (items: ShareLinkResponse[]) =>
    backend.expectOne('/api/shares?limit=20&offset=0').flush({ items, limit: 20, offset: 0, total: items.length });

  async function open(canWrite: boolean, items: ShareLinkResponse[] = [LIVE, DISABLED, REVOKED, EXPIRED]): Promise<MatDialogHarness> {
    openShareLinksDialog(TestBed.inject(MatDialog), { canWrite });
    await fixture.whenStable();
    answerList(items);
    await fixture.whenStable();
    return overlay.getHarness(MatDialogHarness);
  }

  async function rows(dialog: MatDialogHarness): Promise<Record<string, string>[]> {
    const table = await dialog.getHarness(MatTableHarness);
    return Promise.all((await table.getRows()).map((row) => row.getCellTextByColumnName()));
  }

  it('lists what each link shares, who made it, how often it was opened, its expiry and its state', async () => {
    const dialog = await open(true);
    const [live, disabled, revoked, expired] = await rows(dialog);

    expect(live['resource']).toMatch(/Model register\s*Provider: OpenAI\s*Status: Approved/);
    expect(live['fields']).toMatch(/Summary\s*· export/);
    expect(live['created']).toMatch(/Jan 5, 2026\s*by Grace Hopper/);
    expect(live['accessed']).toMatch(/3 times\s*last Dec 1, 2026/);
    expect(live['expires']).toMatch(/^Dec 31, 2099/);
    expect(live['state']).toBe('Live');
    expect(disabled).toMatchObject({ expires: 'Never', state: 'Disabled' });
    expect(disabled['resource']).toMatch(/Risk register\s*whole register/);
    expect(disabled['created']).toContain('by a removed user');
    expect(disabled['accessed']).toMatch(/0 times\s*never/);
    expect(revoked['state']).toBe('Revoked');
    expect(expired['state']).toBe('Expired');
    const toggles = await dialog.getAllHarnesses(MatSlideToggleHarness);
    expect(await Promise.all(toggles.map((toggle) => toggle.isDisabled()))).toEqual([false, false, true, false]);
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid=revoke-share]' }))).toHaveLength(3);
  });

  it('disables a link with a PATCH and shows the link as the server answers it', async () => {
    const dialog = await open(true);
    await (await dialog.getAllHarnesses(MatSlideToggleHarness))[0].toggle();

    const patch = backend.expectOne({ method: 'PATCH', url: '/api/shares/1' });
    expect(patch.request.body).toEqual({ enabled: false });
    patch.flush({ ...LIVE, enabled: false });
    await fixture.whenStable();
    expect((await rows(dialog))[0]['state']).toBe('Disabled');
  });

  it('changes a link’s expiry to the end of the chosen day, or removes it', async () => {
    const dialog = await open(true, [LIVE, DISABLED]);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=share-never-expires]' }))).click();
    const never = backend.expectOne({ method: 'PATCH', url: '/api/shares/1' });
    expect(never.request.body).toEqual({ expires_at: null });
    never.flush({ ...LIVE, expires_at: null });
    await fixture.whenStable();
    expect((await rows(dialog))[0]['expires']).toBe('Never');

    const inTenDays = new Date();
    inTenDays.setDate(inTenDays.getDate() + 10);
    const [, disabledExpiry] = await dialog.getAllHarnesses(MatDatepickerInputHarness);
    await disabledExpiry.setValue(`${inTenDays.getMonth() + 1}/${inTenDays.getDate()}/${inTenDays.getFullYear()}`);
    const changed = backend.expectOne({ method: 'PATCH', url: '/api/shares/2' });
    expect(changed.request.body).toEqual({ expires_at: endOfDay(inTenDays) });
    changed.flush({ ...DISABLED, expires_at: endOfDay(inTenDays) });
    await fixture.whenStable();
    expect((await rows(dialog))[1]['expires']).toMatch(new RegExp(`^${inTenDays.toLocaleDateString('en-US', { month: 'short' })} ${inTenDays.getDate()}, `));
  });

  it('revokes a link only after confirming, then reloads the list', async () => {
    const dialog = await open(true, [LIVE]);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=revoke-share]' }))).click();
    const confirm = (await overlay.getAllHarnesses(MatDialogHarness))[1];
    expect(await confirm.getTitleText()).toContain('Revoke this share link?');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Revoke link' }))).click();

    backend.expectOne({ method: 'DELETE', url: '/api/shares/1' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    answerList([{ ...LIVE, revoked_at: '2026-12-03T10:00:00.000Z' }]);
    await fixture.whenStable();
    expect((await rows(dialog))[0]['state']).toBe('Revoked');
  });

  it('shows Auditors the list read-only: no toggling, no revoking', async () => {
    const dialog = await open(false);
    expect((await rows(dialog)).map((row) => row['state'])).toEqual(['Live', 'Disabled', 'Revoked', 'Expired']);
    const toggles = await dialog.getAllHarnesses(MatSlideToggleHarness);
    expect(await Promise.all(toggles.map((toggle) => toggle.isDisabled()))).toEqual([true, true, true, true]);
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid=revoke-share]' }))).toHaveLength(0);
    expect(await dialog.getAllHarnesses(MatDatepickerInputHarness)).toHaveLength(0);
    expect(document.querySelector('mi-share-links-dialog')?.textContent).toContain('Your role can read this list');
  });
});
