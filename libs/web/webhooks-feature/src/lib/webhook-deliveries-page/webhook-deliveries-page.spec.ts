import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatRowHarness, MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { aDelivery, aWebhook } from '@model-inventory/web-webhooks-data-access';
import { WebhookDeliveriesPage } from './webhook-deliveries-page';

const OK = aDelivery({ attempt: 1, duration_ms: 42, id: 2, response_code: 200 });
const REFUSED = aDelivery({ attempt: 2, duration_ms: 5003, error: 'timed out after 5000 ms', event: 'model_added', id: 1, response_code: null, status: 'failed' });

describe(WebhookDeliveriesPage.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<WebhookDeliveriesPage>;
  let loader: HarnessLoader;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    await signInAs(Role.Admin);
    fixture = TestBed.createComponent(WebhookDeliveriesPage);
    fixture.componentRef.setInput('id', '4');
    loader = TestbedHarnessEnvironment.loader(fixture);
    fixture.detectChanges();
    await fixture.whenStable();
    backend.expectOne('/api/webhooks/4').flush(aWebhook({ id: 4, url: 'https://crm.example.com/hooks/models' }));
    backend.expectOne('/api/webhooks/4/deliveries?limit=25&offset=0').flush({ items: [OK, REFUSED], limit: 25, offset: 0, total: 60 });
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function rows(): Promise<Record<string, string>[]> {
    const table = await loader.getHarness(MatTableHarness);
    return Promise.all((await table.getRows()).map((row: MatRowHarness) => row.getCellTextByColumnName()));
  }

  it('lists every attempt with its time, event, attempt number, status code, duration and error', async () => {
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('https://crm.example.com/hooks/models');
    expect(await rows()).toEqual([
      { attempt: '1', delivered_at: expect.stringContaining('2026'), duration_ms: '42 ms', error: '', event: 'Model updated', response_code: '200', status: expect.stringMatching(/Succeeded$/) },
      { attempt: '2', delivered_at: expect.stringContaining('2026'), duration_ms: '5003 ms', error: 'timed out after 5000 ms', event: 'Model added', response_code: '–', status: expect.stringMatching(/Failed$/) },
    ]);
  });

  it('pages through a long log', async () => {
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 25 of 60');
    await paginator.goToNextPage();
    await fixture.whenStable();

    backend.expectOne('/api/webhooks/4').flush(aWebhook({ id: 4 }));
    backend.expectOne('/api/webhooks/4/deliveries?limit=25&offset=25').flush({ items: [aDelivery({ id: 30, attempt: 3 })], limit: 25, offset: 25, total: 60 });
    await fixture.whenStable();

    expect((await rows()).map((row) => row['attempt'])).toEqual(['3']);
  });
});
