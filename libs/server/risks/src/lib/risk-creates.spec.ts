import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, Role } from '@model-inventory/contracts';
import { Actor, RequestContext, ValidationFailedError } from '@model-inventory/server-core';
import { AuditedWriter } from '@model-inventory/server-history';
import { RiskBatchesService } from './risk-batches.service';
import { RiskCreates } from './risk-creates';
import { RiskColumns } from './risk-statements';

const ANN: Actor = { organizationId: 1, role: Role.Editor, userId: 7, name: 'Ann', email: 'ann@example.com' };

const columns = (risk_name: string, model_id = 1): RiskColumns => ({
  risk_name,
  risk_category: ModelRiskCategory.PERFORMANCE,
  risk_level: ModelRiskLevel.HIGH,
  status: ModelRiskStatus.OPEN,
  owner: 'ann@example.com',
  target_date: '2099-06-30',
  description: null,
  mitigation_plan: null,
  impact: null,
  likelihood: null,
  key_metrics: null,
  current_values: null,
  threshold: null,
  model_id,
});

/**
 * The statements are stubs here (the integration spec runs them on PostgreSQL): a single create "writes" the risk
 * named in its history after a tick, or fails when its name says so; the shared statement fails for all.
 */
function creates() {
  const alone: string[] = [];
  const writer = {
    writeAlone: jest.fn(async (_statement: unknown, change: { after: RiskColumns }) => {
      await new Promise((resolve) => setImmediate(resolve));
      alone.push(change.after.risk_name);
      if (change.after.risk_name.startsWith('bad')) throw new Error(`no room for ${change.after.risk_name}`);
      return { risk_name: change.after.risk_name };
    }),
  };
  const batches = { insertAll: jest.fn(async (_items: RiskColumns[]): Promise<unknown> => Promise.reject(new Error('connection lost'))) };
  const service = new RiskCreates(writer as unknown as AuditedWriter, batches as unknown as RiskBatchesService);
  return { service, batches, alone };
}

describe(RiskCreates.name, () => {
  it('writes each create alone after the statement shared by several failed, so each gets its own outcome', async () => {
    const { service, batches, alone } = creates();
    const names = ['a', 'b', 'c', 'bad d', 'e'];
    const outcomes = await RequestContext.runAs(ANN, () => Promise.allSettled(names.map((name) => service.create(columns(name)))));

    expect(batches.insertAll).toHaveBeenCalledTimes(1);
    expect(batches.insertAll).toHaveBeenCalledWith(['c', 'bad d', 'e'].map((name) => columns(name)));
    expect([...alone].sort()).toEqual([...names].sort());
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.risk_name : (outcome.reason as Error).message))).toEqual([
      'a',
      'b',
      'c',
      'no room for bad d',
      'e',
    ]);
  });

  it('answers each create whose model is gone with its 400 and writes the others together again', async () => {
    const { service, batches } = creates();
    batches.insertAll.mockImplementation(async (items) =>
      items.some((item) => item.model_id === 2) ? { liveModelIds: [1] } : { rows: items.map((item) => ({ risk_name: item.risk_name })) },
    );
    const sent = [columns('a'), columns('b'), columns('c'), columns('d', 2), columns('e')];
    const outcomes = await RequestContext.runAs(ANN, () => Promise.allSettled(sent.map((item) => service.create(item))));

    expect(batches.insertAll.mock.calls.map(([items]) => items.map((item) => item.risk_name))).toEqual([
      ['c', 'd', 'e'],
      ['c', 'e'],
    ]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.risk_name : outcome.reason))).toEqual([
      'a',
      'b',
      'c',
      expect.any(ValidationFailedError),
      'e',
    ]);
  });
});
