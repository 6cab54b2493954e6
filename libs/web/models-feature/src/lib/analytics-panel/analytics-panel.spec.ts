import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { TimeseriesResponse } from '@model-inventory/contracts';
import { AnalyticsPanel } from './analytics-panel';
import { withoutAnimations } from '../testing/inventory-backend';

function series(parameter: 'status' | 'security_assessment', counts: Array<Record<string, number>>): TimeseriesResponse {
  return { parameter, points: counts.map((c, i) => ({ timestamp: `2026-03-0${i + 1}T00:00:00.000Z`, counts: c })) } as TimeseriesResponse;
}

describe('AnalyticsPanel', () => {
  it('shows the numbers behind the stacked charts as tables, newest day first, with each day’s total', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), withoutAnimations] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AnalyticsPanel);
    fixture.detectChanges();
    TestBed.tick();
    backend.match((r) => r.url.endsWith('/timeseries')).forEach((request) =>
      request.flush(
        request.request.params.get('parameter') === 'status'
          ? series('status', [{ Approved: 1, Pending: 2 }, { Approved: 3, Pending: 1, Blocked: 1 }])
          : series('security_assessment', [{ true: 1, false: 2 }, { true: 4, false: 1 }]),
      ),
    );
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: /Table/ }))).check();
    await fixture.whenStable();

    const [statusTable, assessmentTable] = Array.from(fixture.nativeElement.querySelectorAll('table') as NodeListOf<HTMLTableElement>);
    const cells = (table: HTMLTableElement) => Array.from(table.rows).map((row) => Array.from(row.cells).map((cell) => cell.textContent?.trim()));
    expect(cells(statusTable)[0]).toEqual(['Day', 'Approved', 'Restricted', 'Pending', 'Blocked', 'Total']);
    expect(cells(statusTable).slice(1).map((row) => row.slice(1))).toEqual([
      ['3', '0', '1', '1', '5'],
      ['1', '0', '2', '0', '3'],
    ]);
    expect(cells(assessmentTable).slice(1).map((row) => row.slice(1))).toEqual([
      ['4', '1', '5'],
      ['1', '2', '3'],
    ]);
    expect(fixture.nativeElement.querySelector('canvas')).toBeNull();
    backend.verify();
  });
});
