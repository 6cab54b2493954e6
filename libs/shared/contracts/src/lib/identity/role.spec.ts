import { ALL_ROLES, APPROVER_ROLES, Role, WRITER_ROLES } from './role';

describe('roles', () => {
  it('keeps auditors out of every writing role set', () => {
    expect(WRITER_ROLES).not.toContain(Role.Auditor);
    expect(APPROVER_ROLES).not.toContain(Role.Auditor);
  });

  it('lets only admins and reviewers approve', () => {
    expect([...APPROVER_ROLES].sort()).toEqual([Role.Admin, Role.Reviewer]);
    expect(ALL_ROLES).toHaveLength(4);
  });
});
