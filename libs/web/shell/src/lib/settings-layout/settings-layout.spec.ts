import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatTabNavBarHarness } from '@angular/material/tabs/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { rolesGuard, SECURITY_LOG_ROLES, WEBHOOK_ROLES } from '../settings-sections';
import { SettingsLayout } from './settings-layout';

@Component({ template: 'section content' })
class Section {}

describe(SettingsLayout.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          {
            children: [
              { component: Section, path: '' },
              { component: Section, path: 'organization' },
              { component: Section, path: 'projects' },
              { component: Section, path: 'api-tokens' },
              { component: Section, path: 'mlflow' },
              { canActivate: [rolesGuard(WEBHOOK_ROLES)], component: Section, path: 'webhooks' },
              { canActivate: [rolesGuard(SECURITY_LOG_ROLES)], component: Section, path: 'security-log' },
            ],
            component: SettingsLayout,
            path: 'settings',
          },
        ]),
      ],
    });
  });

  async function tabsAt(url: string): Promise<{ labels: string[]; active: string }> {
    const harness = await RouterTestingHarness.create(url);
    const nav = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatTabNavBarHarness);
    const links = await nav.getLinks();
    return { active: await (await nav.getActiveLink()).getLabel(), labels: await Promise.all(links.map((link) => link.getLabel())) };
  }

  it('offers an Admin projects, webhooks and the security log', async () => {
    await signInAs(Role.Admin);

    expect(await tabsAt('/settings/webhooks')).toEqual({ active: 'Webhooks', labels: ['General', 'Organisation', 'Projects', 'API tokens', 'MLflow', 'Webhooks', 'Security log'] });
  });

  it('offers the security log to an Auditor, but not webhooks', async () => {
    await signInAs(Role.Auditor);

    expect(await tabsAt('/settings/security-log')).toEqual({ active: 'Security log', labels: ['General', 'Organisation', 'Projects', 'API tokens', 'MLflow', 'Security log'] });
  });

  it.each([Role.Editor, Role.Reviewer])('keeps %s out of the security log', async (role) => {
    await signInAs(role);

    expect(await tabsAt('/settings/security-log')).toEqual({ active: 'General', labels: ['General', 'Organisation', 'Projects', 'API tokens', 'MLflow'] });
    expect(TestBed.inject(Router).url).toBe('/settings');
  });

  it.each([Role.Editor, Role.Reviewer, Role.Auditor])('keeps %s out of the webhooks', async (role) => {
    await signInAs(role);

    expect(await tabsAt('/settings/webhooks')).toEqual({ active: 'General', labels: expect.not.arrayContaining(['Webhooks']) });
    expect(TestBed.inject(Router).url).toBe('/settings');
  });

  it('opens the projects for every role', async () => {
    await signInAs(Role.Auditor);

    expect((await tabsAt('/settings/projects')).active).toBe('Projects');
  });

  it('opens the organisation and its governance rules for every role', async () => {
    await signInAs(Role.Editor);

    expect((await tabsAt('/settings/organization')).active).toBe('Organisation');
  });
});
