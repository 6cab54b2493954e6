import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
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

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { component: SignInPage, path: 'login' },
          { children: [{ component: InventoryPage, path: 'model-inventory' }], component: Shell, path: '' },
        ]),
      ],
    });
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

  it('signs the user out from the user menu', async () => {
    const menu = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatMenuHarness);
    await menu.clickItem({ text: /Sign out/ });

    expect(TestBed.inject(Router).url).toBe('/login');
    expect(TestBed.inject(AuthStore).isAuthenticated()).toBe(false);
    expect(localStorage.length).toBe(0);
  });
});
