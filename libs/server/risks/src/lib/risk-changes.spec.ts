import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, Role } from '@model-inventory/contracts';
import { Actor, RequestContext } from '@model-inventory/server-core';
import { AuditedWriter } from '@model-inventory/server-history';
import { RiskChangeRequest, RiskChanges } from './risk-changes';
import { RiskRow } from './risks.mapper';
import { RisksRepository } from './risks.repository';

const ANN: Actor = { organizationId: 1, role: Role.Editor, userId: 7, name: 'Ann', email: 'ann@example.com' };

function change(id: number, owner: string): RiskChangeRequest {
  const before = {
    id,
    version_number: 1,
    model_id: 1,
    status: ModelRiskStatus.OPEN,
    risk_name: `Risk ${id}`,
    risk_category: ModelRiskCategory.SECURITY,
    risk_level: ModelRiskLevel.HIGH,
    owner: 'before@example.com',
    target_date: '2099-06-30',
  } as RiskRow;
  return { before, columns: { ...before, owner, description: null, mitigation_plan: null, impact: null, likelihood: null, key_metrics: null, current_values: null, threshold: null } };
}

/** The statements are stubs (the integration spec runs them on PostgreSQL): one change alone "writes" after a tick, the shared statement fails. */
function changes() {
  const alone: number[] = [];
  const writer = {
    writeAlone: jest.fn(async (_statement: unknown, audited: { after: { owner: string } }) => {
      await new Promise((resolve) => setImmediate(resolve));
      alone.push(Number(audited.after.owner.split('@')[0]));
      return { owner: audited.after.owner };
    }),
    writeRowsAlone: jest.fn(async (): Promise<unknown[]> => Promise.reject(new Error('deadlock detected'))),
  };
  return { service: new RiskChanges(writer as unknown as AuditedWriter, {} as RisksRepository), writer, alone };
}

describe(RiskChanges.name, () => {
  it('writes each change alone after the statement shared by several failed', async () => {
    const { service, writer, alone } = changes();
    const written = await RequestContext.runAs(ANN, () => Promise.all([1, 2, 3, 4].map((id) => service.write(change(id, `${id}@example.com`)))));

    expect(writer.writeRowsAlone).toHaveBeenCalledTimes(1);
    expect([...alone].sort()).toEqual([1, 2, 3, 4]);
    expect(written.map((row) => row?.owner)).toEqual(['1@example.com', '2@example.com', '3@example.com', '4@example.com']);
  });

  it('never puts two changes of one risk into one statement: the repeat follows the first one’s statement', async () => {
    const { service, writer } = changes();
    const shared: number[][] = [];
    writer.writeRowsAlone.mockImplementation(async (...args: unknown[]) => {
      const rows = (args[1] as { rows: Array<{ id: number; after: { owner: string } }> }).rows;
      shared.push(rows.map((row) => row.id));
      return rows.map((row) => ({ id: row.id, owner: row.after.owner }));
    });
    const written = await RequestContext.runAs(ANN, () =>
      Promise.all([change(1, 'a@x'), change(2, 'b@x'), change(3, 'c@x'), change(3, 'd@x'), change(4, 'e@x')].map((request) => service.write(request))),
    );

    expect(shared).toEqual([[3, 4]]);
    expect(writer.writeAlone).toHaveBeenCalledTimes(3); // 1 and 2 alone (nothing was running), the repeat of 3 after [3, 4]
    expect(written.map((row) => row?.owner)).toEqual(['a@x', 'b@x', 'c@x', 'd@x', 'e@x']);
  });

  it('reads the risks of changes arriving together in one query, each answered with its own risk or null', async () => {
    const stored = new Map([1, 2, 3].map((id) => [id, { id, risk_name: `Risk ${id}` } as RiskRow]));
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    const risks = {
      findRow: jest.fn(async (id: number) => (await tick(), stored.get(id) ?? null)),
      findRows: jest.fn(async (ids: number[]) => (await tick(), ids.flatMap((id) => (stored.has(id) ? [stored.get(id) as RiskRow] : [])))),
    };
    const service = new RiskChanges({} as AuditedWriter, risks as unknown as RisksRepository);

    const read = await RequestContext.runAs(ANN, () => Promise.all([1, 2, 2, 9, 3].map((id) => service.read(id))));

    expect(read.map((row) => row?.risk_name ?? null)).toEqual(['Risk 1', 'Risk 2', 'Risk 2', null, 'Risk 3']);
    expect(risks.findRow.mock.calls).toEqual([[1], [2]]);
    expect(risks.findRows.mock.calls).toEqual([[[2, 9, 3]]]);
  });
});
