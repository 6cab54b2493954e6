import { provideRouter } from '@angular/router';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { Role } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { signInAs } from '@model-inventory/web-core/testing';
import { someOrganizationSettings } from '@model-inventory/web-organization-data-access';
import { OrganizationPage } from './organization-page';

const SUGGESTION = 'Turn on re-review so an approval does not survive a material change.';

describe(OrganizationPage.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<OrganizationPage>;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  let signupEnabled = true;
  beforeEach(() => (signupEnabled = true));

  async function open(role: Role, settings = someOrganizationSettings()): Promise<void> {
    await signInAs(role);
    await render(settings);
  }

  /** Shows the page to whoever is signed in, as a later visit would. */
  async function render(settings = someOrganizationSettings()): Promise<void> {
    fixture = TestBed.createComponent(OrganizationPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    fixture.detectChanges();
    backend.expectOne({ method: 'GET', url: '/api/organization/settings' }).flush(settings);
    backend.expectOne({ method: 'GET', url: '/api/auth/settings' }).flush({ signup_enabled: signupEnabled });
    await fixture.whenStable();
  }

  function text(): string {
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  async function button(text: string | RegExp): Promise<MatButtonHarness> {
    return loader.getHarness(MatButtonHarness.with({ text }));
  }

  describe('who can join', () => {
    it('tells an Admin that people join by invitation only, that sign-up makes a separate organisation, and where to invite', async () => {
      await open(Role.Admin);
      const policy = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="joining-policy"]')?.textContent ?? '';
      expect(policy).toContain('Invitation only: nobody becomes a member without an Admin.');
      expect(policy).toContain('expires after 7 days');
      expect(policy).toContain('Sign-up on this installation is on. It creates a separate, new organisation');
      expect(policy).toContain('Joining by e-mail domain is not offered');
      expect(await (await button(/Invite someone in Settings › General › Users/)).getText()).toContain('Invite someone');
    });

    it('says sign-up is off when it is, and offers no invite link to an Editor', async () => {
      signupEnabled = false;
      await open(Role.Editor);
      expect(text()).toContain('Sign-up on this installation is off. Only invitations and Admins add people.');
      expect(text()).not.toContain('Invite someone');
    });
  });

  describe('as an Admin', () => {
    it('renames the organisation, and the app bar shows the new name', async () => {
      await open(Role.Admin, someOrganizationSettings({ review_on_material_change: true }));
      const name = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="organization-name-input"]' }));
      expect(await name.getValue()).toBe('Acme Analytics');

      await name.setValue('  Acme Research ');
      await (await button('Rename organisation')).click();
      const request = backend.expectOne({ method: 'PATCH', url: '/api/organization' });
      expect(request.request.body).toEqual({ name: 'Acme Research' });
      request.flush({ created_at: '2026-01-05T09:00:00Z', id: 7, name: 'Acme Research' });
      await fixture.whenStable();

      expect(TestBed.inject(AuthStore).organization()?.name).toBe('Acme Research');
      expect(await (await overlay.getHarness(MatSnackBarHarness)).getMessage()).toBe('The organisation is now called "Acme Research".');
    });

    it('shows an empty name and a name the server refuses under the field', async () => {
      await open(Role.Admin, someOrganizationSettings({ review_on_material_change: true }));
      const name = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="organization-name-input"]' }));
      const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name' }));

      await name.setValue('   ');
      await (await button('Rename organisation')).click();
      expect(await field.getTextErrors()).toEqual(['Name is required.']);

      await name.setValue('Acme');
      await (await button('Rename organisation')).click();
      backend
        .expectOne({ method: 'PATCH', url: '/api/organization' })
        .flush({ errors: [{ field: 'name', message: 'name must be shorter than or equal to 200 characters' }], status: 400, title: 'Bad Request' }, { status: 400, statusText: 'Bad Request' });
      await fixture.whenStable();
      expect(await field.getTextErrors()).toEqual(['name must be shorter than or equal to 200 characters']);
      expect(TestBed.inject(AuthStore).organization()?.name).toBe('Acme Analytics');
    });

    it('suggests re-review once: turning it on from the suggestion saves it and puts the suggestion away', async () => {
      await open(Role.Admin);
      expect(text()).toContain(SUGGESTION);

      await (await button('Turn on re-review')).click();
      const request = backend.expectOne({ method: 'PATCH', url: '/api/organization/settings' });
      expect(request.request.body).toEqual({ review_on_material_change: true });
      request.flush(someOrganizationSettings({ review_on_material_change: true }));
      await fixture.whenStable();

      expect(text()).not.toContain(SUGGESTION);
      expect(await (await loader.getHarness(MatSlideToggleHarness.with({ label: 'Re-review on material change' }))).isChecked()).toBe(true);
    });

    it('puts the suggestion away when dismissed', async () => {
      await open(Role.Admin);
      await (await button('Dismiss')).click();

      expect(text()).not.toContain(SUGGESTION);
      expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Turn on re-review' }))).toEqual([]);
    });

    it('suggests re-review on the first visit only, in this browser', async () => {
      await open(Role.Admin);
      expect(text()).toContain(SUGGESTION);
      fixture.destroy();

      await render();
      expect(text()).not.toContain(SUGGESTION);
      expect(await (await loader.getHarness(MatSlideToggleHarness.with({ label: 'Re-review on material change' }))).isChecked()).toBe(false);
    });

    it('does not suggest re-review when it is already on', async () => {
      await open(Role.Admin, someOrganizationSettings({ review_on_material_change: true }));

      expect(text()).not.toContain(SUGGESTION);
    });
  });

  it.each([Role.Editor, Role.Reviewer, Role.Auditor])('shows %s the name and the rules to read, with no suggestion and nothing to change', async (role) => {
    await open(role, someOrganizationSettings({ require_status_rationale: true }));

    expect(fixture.nativeElement.querySelector('[data-testid="organization-name-read-only"]').textContent).toBe('Acme Analytics');
    expect(text()).toContain('Only an Admin can rename the organisation.');
    expect(text()).toContain('Only an Admin can change these rules.');
    expect(text()).not.toContain(SUGGESTION);
    expect(await loader.getAllHarnesses(MatInputHarness)).toEqual([]);
    expect(await loader.getAllHarnesses(MatSlideToggleHarness)).toEqual([]);
    expect(await loader.getAllHarnesses(MatButtonHarness)).toEqual([]);
    expect(fixture.nativeElement.querySelector('[data-testid="rule-require_status_rationale"] [data-testid="rule-state"]').textContent.trim()).toBe('On');
    expect(fixture.nativeElement.querySelector('[data-testid="rule-review_on_material_change"] [data-testid="rule-state"]').textContent.trim()).toBe('Off');
  });
});
