import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { AuthStore } from './auth-store';

/** Lets signed-in users through; sends everyone else to sign in, remembering where they were going. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  if (await store.restoreSession()) {
    return true;
  }
  return router.createUrlTree(['/', WebRoutes.login], { queryParams: { returnUrl: state.url } });
};

/** Keeps signed-in users away from the sign-in and sign-up pages. */
export const guestGuard: CanActivateFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  return (await store.restoreSession()) ? router.createUrlTree(['/', WebRoutes.modelInventory]) : true;
};
