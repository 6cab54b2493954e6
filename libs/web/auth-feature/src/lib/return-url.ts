import { WebRoutes } from '@model-inventory/contracts';

/** Only paths inside the console are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeReturnUrl(returnUrl: string | undefined): string {
  const isLocalPath = !!returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//');
  return isLocalPath ? returnUrl : `/${WebRoutes.modelInventory}`;
}
