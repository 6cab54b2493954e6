import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { signInAs } from '@model-inventory/web-core/testing';
import { Shell } from './shell';

@Component({ template: 'inventory content' })
class InventoryPage {}

@Component({ template: 'sign-in page' })
class SignInPage {}

describe('Shell', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideRouter([
          { component: SignInPage, path: 'login' },
          { children: [{ component: InventoryPage, path: 'model-inventory' }], component: Shell, path: '' },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    await signInAs(Role.Reviewer);
    harness = await RouterTestingHarness.create('/model-inventory');
  });

  function text(selector: string): string | undefined {
    return (harness.fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
  }

  it('shows the organisation and who is signed in, with their role', () => {
    expect(text('[data-testid=organization-name]')).toBe('Acme Analytics');
    expect(text('[data-testid=user-name]')).toBe('Grace Hopper');
    expect(text('[data-testid=user-role]')).toBe('Reviewer');
  });

  it('offers navigation to the inventory and settings around the page content', () => {
    const links = [...(harness.fixture.nativeElement as HTMLElement).querySelectorAll('mat-nav-list a')];

    expect(links.map((link) => [link.querySelector('[matListItemTitle]')?.textContent, link.getAttribute('href')])).toEqual([
      ['Model Inventory', '/model-inventory'],
      ['Settings', '/settings'],
    ]);
    expect(text('main')).toBe('inventory content');
  });

  it('starts every page with a skip link that moves focus past the navigation to the content', () => {
    const page = harness.fixture.nativeElement as HTMLElement;
    const skip = page.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(page.querySelector('a, button')).toBe(skip);
    skip?.click();
    expect(document.activeElement).toBe(page.querySelector('main'));
    expect(harness.routeNativeElement?.textContent).toContain('inventory content');
  });

  it('switches the colour scheme from the user menu: system, light, dark', async () => {
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const menu = await loader.getHarness(MatMenuHarness);
    await menu.open();
    const theme = async () => (await menu.getItems({ text: /Theme/ }))[0];
    expect(await (await theme()).getText()).toContain('Theme: as the system');
    await (await theme()).click();
    expect(await (await theme()).getText()).toContain('Theme: light');
    await (await theme()).click();
    expect(document.documentElement.classList.contains('mi-theme-dark')).toBe(true);
    await (await theme()).click();
    expect(document.documentElement.classList.contains('mi-theme-dark')).toBe(false);
  });

  it('signs the user out from the user menu', async () => {
    const menu = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatMenuHarness);
    await menu.clickItem({ text: /Sign out/ });
    const logout = backend.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(false);
    expect(localStorage.length).toBe(0);
  });

  it('changes the password from the user menu and says so', async () => {
    const loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    await (await loader.getHarness(MatMenuHarness)).clickItem({ text: /Change my password/ });
    const dialog = await loader.getHarness(MatDialogHarness);
    for (const [label, value] of [
      ['Current password', 'old password 123'],
      ['New password', 'a much longer passphrase'],
      ['Confirm new password', 'a much longer passphrase'],
    ]) {
      const field = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
      await ((await field.getControl(MatInputHarness)) as MatInputHarness).setValue(value);
    }
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Change password' }))).click();
    backend.expectOne('/api/auth/password').flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();

    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(await (await loader.getHarness(MatSnackBarHarness)).getMessage()).toBe('Your password was changed. Your other sessions were signed out.');
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(true);
  });
});
