import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Role, WebRoutes } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';

/** The sections of Settings, relative to `WebRoutes.settings`. */
export const SettingsSections = {
  apiTokens: 'api-tokens',
  mlflow: 'mlflow',
  organization: 'organization',
  projects: 'projects',
  securityLog: 'security-log',
  webhooks: 'webhooks',
} as const;

/** Who may read the security log (the API enforces the same). */
export const SECURITY_LOG_ROLES: readonly Role[] = [Role.Admin, Role.Auditor];

/** Who may manage webhooks and read their delivery log (the API enforces the same). */
export const WEBHOOK_ROLES: readonly Role[] = [Role.Admin];

/** Lets only the given roles open a section; everyone else lands on the general settings. */
export function rolesGuard(roles: readonly Role[]): CanActivateFn {
  return async () => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    await auth.restoreSession();
    const role = auth.user()?.role;
    return role && roles.includes(role) ? true : router.createUrlTree(['/', WebRoutes.settings]);
  };
}
