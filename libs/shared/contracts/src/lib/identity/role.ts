export enum Role {
  Admin = 'Admin',
  Reviewer = 'Reviewer',
  Editor = 'Editor',
  Auditor = 'Auditor',
}

export const ALL_ROLES: readonly Role[] = [Role.Admin, Role.Reviewer, Role.Editor, Role.Auditor];

/** Roles that may change data at all. Auditors read everything and change nothing. */
export const WRITER_ROLES: readonly Role[] = [Role.Admin, Role.Reviewer, Role.Editor];

/** Roles that may approve, restrict or block a model. */
export const APPROVER_ROLES: readonly Role[] = [Role.Admin, Role.Reviewer];

/** Roles from least to most rights: each may do everything the ones before it may. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { [Role.Auditor]: 0, [Role.Editor]: 1, [Role.Reviewer]: 2, [Role.Admin]: 3 };

/** The lower of two roles: what an API token of role `a` may do for a user of role `b`. */
export const lowerRole = (a: Role, b: Role): Role => (ROLE_RANK[a] <= ROLE_RANK[b] ? a : b);
