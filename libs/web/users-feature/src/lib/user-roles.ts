import { ALL_ROLES, Role } from '@model-inventory/contracts';

/** What each role may do, in one line, for role pickers. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  [Role.Admin]: 'Manages users and everything',
  [Role.Reviewer]: 'Approves, restricts, blocks',
  [Role.Editor]: 'Registers and edits models, cannot approve',
  [Role.Auditor]: 'Reads everything, changes nothing',
};

export const ROLE_OPTIONS = ALL_ROLES.map((role) => ({ description: ROLE_DESCRIPTIONS[role], role }));
