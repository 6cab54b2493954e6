import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '@model-inventory/web-core';
import { PageHeader } from '@model-inventory/web-shared-ui';
import { SECURITY_LOG_ROLES, SettingsSections, WEBHOOK_ROLES } from '../settings-sections';

interface SettingsTab {
  label: string;
  path: string;
  exact: boolean;
}

/** The Settings area: its heading and one tab per section, each section a child route. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabLink, MatTabNav, MatTabNavPanel, PageHeader, RouterLink, RouterLinkActive, RouterOutlet],
  selector: 'mi-settings-layout',
  styles: `
    :host {
      display: block;
    }
    .tabs {
      margin-bottom: 24px;
    }
  `,
  template: `
    <mi-page-header heading="Settings" description="Your organisation and its governance rules, your account, projects, API tokens, MLflow, webhooks and the security log." />
    <nav mat-tab-nav-bar mat-stretch-tabs="false" mat-align-tabs="start" class="tabs" aria-label="Settings sections" [tabPanel]="panel">
      @for (tab of tabs(); track tab.path) {
        <a
          mat-tab-link
          routerLinkActive
          #active="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: tab.exact }"
          [active]="active.isActive"
          [routerLink]="tab.path"
          [attr.data-testid]="'settings-tab-' + (tab.path || 'general')"
        >
          {{ tab.label }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <router-outlet />
    </mat-tab-nav-panel>
  `,
})
export class SettingsLayout {
  private readonly auth = inject(AuthStore);

  protected readonly tabs = computed<SettingsTab[]>(() => {
    const role = this.auth.user()?.role;
    return [
      { exact: true, label: 'General', path: '' },
      { exact: false, label: 'Organisation', path: SettingsSections.organization },
      { exact: false, label: 'Projects', path: SettingsSections.projects },
      { exact: false, label: 'API tokens', path: SettingsSections.apiTokens },
      { exact: false, label: 'MLflow', path: SettingsSections.mlflow },
      ...(role && WEBHOOK_ROLES.includes(role) ? [{ exact: false, label: 'Webhooks', path: SettingsSections.webhooks }] : []),
      ...(role && SECURITY_LOG_ROLES.includes(role) ? [{ exact: false, label: 'Security log', path: SettingsSections.securityLog }] : []),
    ].map((tab) => ({ ...tab, path: tab.path ? tab.path : '.' }));
  });
}
