import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Page, WebhookDeliveryResponse, WebhookResponse } from '@model-inventory/contracts';
import { WebhooksApi } from '@model-inventory/web-webhooks-data-access';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { eventLabel } from '../webhook-events';

type DeliveriesState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; webhook: WebhookResponse; page: Page<WebhookDeliveryResponse> };

const PAGE_SIZE_OPTIONS = [25, 50, 100];

/** The delivery log of one webhook (`settings/webhooks/:id/deliveries`): every attempt, newest first, paged. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, EmptyState, MatButton, MatIcon, MatPaginator, MatProgressBar, MatTableModule, RouterLink],
  selector: 'mi-webhook-deliveries-page',
  styleUrl: './webhook-deliveries-page.scss',
  templateUrl: './webhook-deliveries-page.html',
})
export class WebhookDeliveriesPage {
  private readonly api = inject(WebhooksApi);

  /** The route's `:id`. */
  readonly id = input.required<string>();
  protected readonly webhookId = computed(() => Number(this.id()));
  protected readonly columns = ['delivered_at', 'event', 'attempt', 'status', 'response_code', 'duration_ms', 'error'];
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly eventLabel = eventLabel;
  private readonly page = signal({ limit: PAGE_SIZE_OPTIONS[0], offset: 0, revision: 0 });
  private readonly request = computed(() => ({ ...this.page(), id: this.webhookId() }));
  protected readonly state = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ id, limit, offset }) =>
        combineLatest([this.api.get(id), this.api.deliveries(id, { limit, offset })]).pipe(
          map(([webhook, page]): DeliveriesState => ({ page, status: 'ready', webhook })),
          catchError(() => of<DeliveriesState>({ status: 'error' })),
          startWith<DeliveriesState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as DeliveriesState },
  );

  protected changePage(event: PageEvent): void {
    this.page.update(({ revision }) => ({ limit: event.pageSize, offset: event.pageIndex * event.pageSize, revision }));
  }

  /** Loads the log again, e.g. while a retry is due. */
  protected reload(): void {
    this.page.update((page) => ({ ...page, revision: page.revision + 1 }));
  }
}
