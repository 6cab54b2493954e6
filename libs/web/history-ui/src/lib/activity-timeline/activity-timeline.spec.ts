import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { ChangeHistoryLoader, ChangeRow, ChangeRowPage, HistoryVocabulary } from '../history-vocabulary';
import { ActivityChip } from './activity-chip';
import { ActivityTimeline } from './activity-timeline';

const RISK_HISTORY: HistoryVocabulary = {
  created: 'raised this risk',
  deleted: 'deleted this risk',
  empty: 'No changes recorded for this risk yet.',
  formatValue: (field, raw) => (field === 'severity' ? { chip: raw } : undefined),
  labels: { severity: 'Severity' },
  note: (action) => (action === 'deleted' ? 'Deleted together with its model.' : null),
  restored: 'restored this risk',
};

const row = (overrides: Partial<ChangeRow>): ChangeRow => ({
  action: 'updated',
  changed_at: '2026-01-06T10:00:00Z',
  changed_by_email: 'ada@acme.test',
  changed_by_name: 'Ada Lovelace',
  changed_by_user_id: 1,
  field_name: 'severity',
  new_value: 'High',
  old_value: 'Low',
  ...overrides,
});

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ActivityChip, ActivityTimeline],
  template: `
    <mi-activity-timeline [load]="load" [vocabulary]="vocabulary" [describeError]="describeError">
      <ng-template miActivityChip let-severity><b class="severity">{{ severity }}</b></ng-template>
    </mi-activity-timeline>
  `,
})
class RiskActivity {
  readonly requests: { limit: number; offset: number }[] = [];
  answer: (offset: number) => Observable<ChangeRowPage> = () => of({ items: [], total: 0 });
  readonly load: ChangeHistoryLoader = (page) => {
    this.requests.push(page);
    return this.answer(page.offset);
  };
  readonly vocabulary = RISK_HISTORY;
  readonly describeError = (error: unknown) => `Could not load: ${String(error)}`;
}

describe(ActivityTimeline.name, () => {
  async function render(answer: RiskActivity['answer']): Promise<ComponentFixture<RiskActivity>> {
    const fixture = TestBed.createComponent(RiskActivity);
    fixture.componentInstance.answer = answer;
    await fixture.whenStable();
    return fixture;
  }

  const text = (fixture: ComponentFixture<RiskActivity>) => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it("tells another entity's history in its own words, with its own chips", async () => {
    const fixture = await render(() =>
      of({ items: [row({}), row({ action: 'created', changed_at: '2026-01-05T09:00:00Z', old_value: null })], total: 2 }),
    );
    const element = fixture.nativeElement as HTMLElement;

    expect(text(fixture)).toContain('Ada Lovelace changed severity');
    expect([...element.querySelectorAll('.severity')].map((chip) => chip.textContent)).toEqual(['Low', 'High']);
    expect(text(fixture)).toContain('Ada Lovelace raised this risk');
    expect(element.querySelector('button')).toBeNull();
  });

  it('words a deletion and a restore, with the vocabulary’s note', async () => {
    const fixture = await render(() =>
      of({
        items: [
          row({ action: 'restored', changed_at: '2026-01-07T10:00:00Z', field_name: 'is_deleted', new_value: 'false', old_value: 'true' }),
          row({ action: 'deleted', changed_by_name: 'Grace Hopper', field_name: 'is_deleted', new_value: 'true', old_value: 'false' }),
        ],
        total: 2,
      }),
    );

    expect(text(fixture)).toContain('Ada Lovelace restored this risk');
    expect(text(fixture)).toContain('Grace Hopper deleted this risk');
    const notes = (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid=activity-note]');
    expect([...notes].map((note) => note.textContent?.trim())).toEqual(['Deleted together with its model.']);
    expect(text(fixture)).not.toContain('changed');
  });

  it('loads older pages on demand and explains a failure with the given sentence', async () => {
    const fixture = await render((offset) =>
      offset === 0 ? of({ items: [row({})], total: 21 }) : throwError(() => 'offline'),
    );
    const button = () => (fixture.nativeElement as HTMLElement).querySelector('button') as HTMLButtonElement;
    expect(button().textContent).toContain('Load more (20 older changes)');

    button().click();
    await fixture.whenStable();

    expect(fixture.componentInstance.requests).toEqual([
      { limit: 20, offset: 0 },
      { limit: 20, offset: 1 },
    ]);
    expect(text(fixture)).toContain('Could not load: offline');
  });

  it("says so when nothing was recorded", async () => {
    expect(text(await render(() => of({ items: [], total: 0 })))).toContain('No changes recorded for this risk yet.');
  });
});
