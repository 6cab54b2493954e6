import { RiskChangeHistoryEntry } from '@model-inventory/contracts';
import { formatValue, toActivityEvents } from '@model-inventory/web-history-ui';
import { RISK_HISTORY } from './risk-history';

const links = { model_id: new Map([[5, 'GPT-4o 2024-08-06']]) };
const row = (overrides: Partial<RiskChangeHistoryEntry>): RiskChangeHistoryEntry => ({
  action: 'updated',
  changed_at: '2026-01-06T10:00:00Z',
  changed_by_email: 'ada@acme.test',
  changed_by_name: 'Ada',
  changed_by_user_id: 1,
  field_name: 'status',
  id: 1,
  model_risk_id: 9,
  new_value: 'In Progress',
  old_value: 'Open',
  ...overrides,
});

describe('risk activity formatting', () => {
  it('shows levels and statuses as chips, spells dates out and names the model', () => {
    expect(formatValue('status', 'In Progress', RISK_HISTORY, links).chip).toBe('In Progress');
    expect(formatValue('risk_level', 'Critical', RISK_HISTORY, links).chip).toBe('Critical');
    // Impact and likelihood share words with levels but are not levels.
    expect(formatValue('impact', 'High', RISK_HISTORY, links)).toMatchObject({ chip: null, text: 'High' });
    expect(formatValue('target_date', '2026-03-31', RISK_HISTORY, links).text).toBe('Mar 31, 2026');
    expect(formatValue('model_id', '5', RISK_HISTORY, links).text).toBe('GPT-4o 2024-08-06');
    expect(formatValue('risk_category', 'Bias & Fairness', RISK_HISTORY, links).text).toBe('Bias & Fairness');
  });

  it('says when a risk was deleted together with its model', () => {
    const events = toActivityEvents(
      [
        row({ action: 'restored', changed_at: '2026-01-08T10:00:00Z', field_name: 'is_deleted', new_value: 'false', old_value: 'true' }),
        row({ action: 'deleted', changed_at: '2026-01-07T10:00:00Z', field_name: 'is_deleted', new_value: 'true (deleted with model 5)', old_value: 'false' }),
        row({ action: 'deleted', field_name: 'is_deleted', new_value: 'true', old_value: 'false' }),
      ],
      RISK_HISTORY,
      links,
    );

    expect(events.map((event) => event.note)).toEqual([null, 'Deleted together with its model (#5).', null]);
    expect(RISK_HISTORY.restored).toBe('restored this risk');
  });
});
