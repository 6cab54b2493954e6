import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { LoginPage } from './login-page';

@Component({ template: 'risk register' })
class RisksPage {}

const me = {
  organization: { created_at: '2026-01-05T09:00:00Z', id: 7, name: 'Acme Analytics' },
  user: { created_at: '', email: 'ada@acme.test', id: 3, name: 'Ada', organization_id: 7, role: Role.Editor, updated_at: '' },
};

describe('LoginPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { component: LoginPage, path: 'login' },
            { component: RisksPage, path: 'model-inventory/risks' },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/login?returnUrl=%2Fmodel-inventory%2Frisks');
    backend.expectOne('/api/auth/settings').flush({ signup_enabled: true });
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  });

  afterEach(() => backend.verify());

  async function signIn(email: string, password: string): Promise<void> {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[type=email]' }))).setValue(email);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[autocomplete=current-password]' }))).setValue(password);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
  }

  /** Lets the sign-in promise chain finish after a response, then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  async function fieldErrors(label: string): Promise<string[]> {
    return (await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }))).getTextErrors();
  }

  it('signs in with the entered credentials and opens the page the user asked for', async () => {
    await signIn('ada@acme.test', 'correct horse battery');
    const login = backend.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'ada@acme.test', password: 'correct horse battery' });
    login.flush({ access_token: 'token-1', expires_in: 3600, user: me.user });
    await new Promise((resolve) => setTimeout(resolve));
    backend.expectOne('/api/auth/me').flush(me);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/model-inventory/risks');
    expect(TestBed.inject(AuthStore).organization()?.name).toBe('Acme Analytics');
  });

  it('asks for the missing fields instead of submitting an empty form', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();

    expect(await fieldErrors('Email')).toEqual(['Enter your email address.']);
    expect(await fieldErrors('Password')).toEqual(['Enter your password.']);
    backend.expectNone('/api/auth/login');
  });

  it('shows the server validation errors on the matching fields', async () => {
    await signIn('ada@acme.test', 'x');
    backend.expectOne('/api/auth/login').flush(
      {
        errors: [
          { field: 'email', message: 'This email address is not allowed.' },
          { field: 'password', message: 'Password must be at least 10 characters.' },
        ],
        status: 400,
        title: 'Invalid request',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(await fieldErrors('Email')).toEqual(['This email address is not allowed.']);
    expect(await fieldErrors('Password')).toEqual(['Password must be at least 10 characters.']);
    expect(harness.routeNativeElement?.querySelector('[role=alert]')).toBeNull();
  });

  it('says so above the form when the email or password is wrong', async () => {
    await signIn('ada@acme.test', 'wrong password');
    backend
      .expectOne('/api/auth/login')
      .flush(
        { detail: 'Email or password is incorrect.', status: 401, title: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(harness.routeNativeElement?.querySelector('[role=alert]')?.textContent).toContain(
      'Email or password is incorrect.',
    );
    expect(TestBed.inject(Router).url).toContain('/login');
  });
});
