import { ALL_ROLES, Role, ROLE_RANK } from '@model-inventory/contracts';

/** The roles a user may give a token: their own or lower (the API refuses higher), most rights first. */
export function tokenRolesFor(role: Role): Role[] {
  return ALL_ROLES.filter((candidate) => ROLE_RANK[candidate] <= ROLE_RANK[role]);
}

/** How long a new token works, as the create dialog offers it. `null`: until it is revoked. */
export const TOKEN_LIFETIMES: readonly { label: string; days: number | null }[] = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: null, label: 'No expiry' },
];

export function expiryFrom(days: number | null, now = new Date()): string | null {
  return days === null ? null : new Date(now.getTime() + days * 86_400_000).toISOString();
}
