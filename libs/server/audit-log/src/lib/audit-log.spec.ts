import { AuditAction, Role } from '@model-inventory/contracts';
import { Actor, RequestContext } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from './audit-log';

const editor: Actor = {
  organizationId: 7,
  role: Role.Editor,
  userId: 42,
  name: 'Ada',
  email: 'ada@example.com',
};
const anyAction: AuditAction = 'auth.login_failed';

function managerRecordingInserts(): {
  manager: EntityManager;
  inserted: unknown[];
} {
  const inserted: unknown[] = [];
  const repository = {
    insert: jest.fn(async (row: unknown) => void inserted.push(row)),
  };
  return {
    manager: { getRepository: () => repository } as unknown as EntityManager,
    inserted,
  };
}

describe('AuditLog', () => {
  it('attributes the record to the request actor and client address, with the target id as text', async () => {
    const { manager, inserted } = managerRecordingInserts();
    const log = new AuditLog({ manager } as unknown as DataSource);

    await RequestContext.run(
      () =>
        log.record(anyAction, {
          target: { type: 'user', id: 9 },
          details: { to: 'Admin' },
        }),
      {
        actor: editor,
        client: { ip: '10.0.0.1', userAgent: 'curl/8' },
      },
    );

    expect(inserted).toEqual([
      expect.objectContaining({
        organization_id: 7,
        action: anyAction,
        actor_user_id: 42,
        actor_name: 'Ada',
        actor_email: 'ada@example.com',
        ip: '10.0.0.1',
        user_agent: 'curl/8',
        target_type: 'user',
        target_id: '9',
        details: { to: 'Admin' },
      }),
    ]);
  });

  it('records a failed sign-in with the given actor and no organisation when nobody is signed in', async () => {
    const { manager, inserted } = managerRecordingInserts();
    const log = new AuditLog({ manager } as unknown as DataSource);

    await log.record(anyAction, {
      actor: {
        organizationId: null,
        userId: null,
        name: null,
        email: 'who@example.com',
      },
    });

    expect(inserted).toEqual([
      expect.objectContaining({
        organization_id: null,
        actor_user_id: null,
        actor_email: 'who@example.com',
        ip: null,
        target_id: null,
        details: {},
      }),
    ]);
  });

  it("writes through the caller's transaction when one is given, so the record commits with the change", async () => {
    const outside = managerRecordingInserts();
    const transaction = managerRecordingInserts();
    const log = new AuditLog({
      manager: outside.manager,
    } as unknown as DataSource);

    await RequestContext.runAs(editor, () =>
      log.record(anyAction, {}, transaction.manager),
    );

    expect(transaction.inserted).toHaveLength(1);
    expect(outside.inserted).toHaveLength(0);
  });
});
