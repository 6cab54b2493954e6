import { formatValue, relativeTime, toActivityEvents } from './activity-format';
import { ChangeRow, HistoryVocabulary } from './history-vocabulary';

const RISK_HISTORY: HistoryVocabulary = {
  created: 'raised this risk',
  deleted: 'deleted this risk',
  empty: 'No changes recorded for this risk yet.',
  formatValue: (field, raw) => (field === 'severity' ? { chip: raw } : field === 'accepted' ? (raw === 'true' ? 'Yes' : 'No') : undefined),
  labels: { owner_ids: 'Owners' },
  note: (action, rows) => (action === 'deleted' && rows.some((r) => r.new_value?.includes('with model')) ? 'Deleted with its model.' : null),
  restored: 'restored this risk',
};

const row = (field_name: string, old_value: string | null, new_value: string | null): ChangeRow => ({
  action: 'updated',
  changed_at: '2026-01-06T10:00:00Z',
  changed_by_email: 'ada@acme.test',
  changed_by_name: null,
  changed_by_user_id: null,
  field_name,
  new_value,
  old_value,
});

describe('activity formatting', () => {
  it("uses the entity's vocabulary for labels, chips and its own values, and the defaults for the rest", () => {
    const links = { owner_ids: new Map([[4, 'Grace Hopper']]) };

    expect(formatValue('severity', 'High', RISK_HISTORY, links)).toEqual({ chip: 'High', empty: false, full: null, text: 'High' });
    expect(formatValue('accepted', 'true', RISK_HISTORY, links).text).toBe('Yes');
    expect(formatValue('owner_ids', '[4,9]', RISK_HISTORY, links).text).toBe('Grace Hopper, #9');
    expect(formatValue('mitigation', null, RISK_HISTORY, links)).toMatchObject({ empty: true, text: 'empty' });

    const [event] = toActivityEvents([row('owner_ids', '[]', '[4]'), row('residual_risk', 'a', 'b')], RISK_HISTORY, links);
    expect(event.who).toBe('ada@acme.test');
    expect(event.changes.map((change) => change.label)).toEqual(['Owners', 'Residual risk']);
  });

  it('names a single linked id as it names ids in lists', () => {
    const links = { model_id: new Map([[5, 'GPT-4o 2024-08-06']]) };

    expect(formatValue('model_id', '5', RISK_HISTORY, links).text).toBe('GPT-4o 2024-08-06');
    expect(formatValue('model_id', '6', RISK_HISTORY, links).text).toBe('#6');
    expect(formatValue('threshold', '5', RISK_HISTORY, links).text).toBe('5');
  });

  it("adds the vocabulary's note to a deletion or restore, never to an update", () => {
    const deleted = { ...row('is_deleted', 'false', 'true (deleted with model 5)'), action: 'deleted' as const };
    const restored = { ...row('is_deleted', 'true', 'false'), action: 'restored' as const, changed_at: '2026-01-07T10:00:00Z' };
    const updated = row('owner_ids', '[]', '[4] with model');

    expect(toActivityEvents([restored, deleted, updated], RISK_HISTORY, {}).map((event) => [event.action, event.note])).toEqual([
      ['restored', null],
      ['deleted', 'Deleted with its model.'],
      ['updated', null],
    ]);
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-01-06T12:00:00Z');
    expect(relativeTime('2026-01-06T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2026-01-06T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-01-05T12:00:00Z', now)).toBe('yesterday');
  });
});
