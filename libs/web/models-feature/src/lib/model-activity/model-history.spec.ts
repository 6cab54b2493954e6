import { ChangeHistoryEntry, ModelStatus } from '@model-inventory/contracts';
import { formatValue as formatAnyValue, toActivityEvents as toAnyActivityEvents } from '@model-inventory/web-history-ui';
import { MODEL_HISTORY } from './model-history';

const links = { frameworks: new Map([[1, 'EU AI Act']]), projects: new Map([[11, 'Support bot']]) };
// The model's vocabulary applied through the shared formatting, as the Activity tab does.
const formatValue = (field: string, raw: string | null, names: typeof links) => formatAnyValue(field, raw, MODEL_HISTORY, names);
const toActivityEvents = (entries: ChangeHistoryEntry[], names: typeof links) => toAnyActivityEvents(entries, MODEL_HISTORY, names);

describe('model activity formatting', () => {
  it('spells stored values out the way people read them', () => {
    expect(formatValue('capabilities', '["text-generation","vision"]', links).text).toBe('text-generation, vision');
    expect(formatValue('projects', '[11,99]', links).text).toBe('Support bot, #99');
    expect(formatValue('frameworks', '[]', links)).toMatchObject({ empty: true, text: 'empty' });
    expect(formatValue('security_assessment', 'true', links).text).toBe('Done');
    expect(formatValue('status_date', '2026-01-05', links).text).toBe('Jan 5, 2026');
    expect(formatValue('status', 'Approved', links).chip).toBe(ModelStatus.APPROVED);
    expect(formatValue('biases', 'x'.repeat(300), links)).toMatchObject({ full: 'x'.repeat(300), text: expect.stringMatching(/…$/) });
  });

  it('groups the rows of one save into one event, newest first', () => {
    const row = (id: number, changed_at: string, field_name: string): ChangeHistoryEntry => ({
      action: 'updated',
      changed_at,
      changed_by_email: 'ada@acme.test',
      changed_by_name: 'Ada',
      changed_by_user_id: 1,
      field_name,
      id,
      model_inventory_id: 5,
      new_value: 'b',
      old_value: 'a',
    });
    const events = toActivityEvents(
      [row(3, '2026-01-06T10:00:00Z', 'version'), row(2, '2026-01-06T10:00:00Z', 'model'), row(1, '2026-01-05T10:00:00Z', 'provider')],
      links,
    );

    expect(events.map((event) => event.changes.map((change) => change.label))).toEqual([['Version', 'Model'], ['Provider']]);
  });
});
