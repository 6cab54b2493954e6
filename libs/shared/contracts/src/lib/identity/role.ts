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
