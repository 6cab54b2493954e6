import { ChangeHistoryEntry, ModelStatus } from '@model-inventory/contracts';
import { formatValue, relativeTime, toActivityEvents } from './activity-format';

const links = { frameworks: new Map([[1, 'EU AI Act']]), projects: new Map([[11, 'Support bot']]) };

describe('activity formatting', () => {
  it('spells stored values out the way people read them', () => {
    expect(formatValue('capabilities', '["text-generation","vision"]', links).text).toBe('text-generation, vision');
    expect(formatValue('projects', '[11,99]', links).text).toBe('Support bot, #99');
    expect(formatValue('frameworks', '[]', links)).toMatchObject({ empty: true, text: 'empty' });
    expect(formatValue('security_assessment', 'true', links).text).toBe('Done');
    expect(formatValue('status_date', '2026-01-05', links).text).toBe('Jan 5, 2026');
    expect(formatValue('status', 'Approved', links).status).toBe(ModelStatus.APPROVED);
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

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-01-06T12:00:00Z');
    expect(relativeTime('2026-01-06T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2026-01-06T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-01-05T12:00:00Z', now)).toBe('yesterday');
  });
});
