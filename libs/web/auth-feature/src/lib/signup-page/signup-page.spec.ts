import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SignupPage } from './signup-page';

describe('SignupPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ component: SignupPage, path: 'signup' }])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function openWith(signupEnabled: boolean): Promise<HTMLElement> {
    const harness = await RouterTestingHarness.create('/signup');
    backend.expectOne('/api/auth/settings').flush({ signup_enabled: signupEnabled });
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('explains that sign-up is turned off and offers the way back to sign in', async () => {
    const page = await openWith(false);

    expect(page.textContent).toContain('Sign-up is turned off');
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/login');
  });

  it('offers the registration form when sign-up is enabled', async () => {
    const page = await openWith(true);

    expect(page.textContent).toContain('Create your organisation');
    expect(page.querySelectorAll('input')).toHaveLength(4);
  });
});
