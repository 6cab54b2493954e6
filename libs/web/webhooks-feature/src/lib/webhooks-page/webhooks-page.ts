import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle, MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { Page, WebhookResponse } from '@model-inventory/contracts';
import { TestDeliveryOutcome, WebhooksApi } from '@model-inventory/web-webhooks-data-access';
import { confirmAction, EmptyState } from '@model-inventory/web-shared-ui';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { WebhookDialog, WebhookDialogData } from '../webhook-dialog/webhook-dialog';
import { eventsLabel } from '../webhook-events';
import { describeTestOutcome } from './test-outcome';

type WebhooksState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; page: Page<WebhookResponse> };

const PAGE_SIZE_OPTIONS = [10, 25, 50];

/** Settings › Webhooks (Admins): the organisation's webhooks; create, edit, turn on or off, delete, open the delivery log. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, EmptyState, MatButton, MatIcon, MatIconButton, MatPaginator, MatProgressBar, MatSlideToggle, MatTableModule, MatTooltip, RouterLink],
  selector: 'mi-webhooks-page',
  styleUrl: './webhooks-page.scss',
  templateUrl: './webhooks-page.html',
})
export class WebhooksPage {
  private readonly api = inject(WebhooksApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = ['url', 'events', 'secret', 'created_at', 'active', 'actions'];
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly eventsLabel = eventsLabel;
  protected readonly busyWebhookId = signal<number | null>(null);
  protected readonly testingWebhookId = signal<number | null>(null);
  /** The latest test delivery, in words, for the status line above the table. */
  protected readonly testResult = signal<{ webhookId: number; text: string; failed: boolean } | null>(null);
  private readonly query = signal({ limit: PAGE_SIZE_OPTIONS[0], offset: 0, revision: 0 });
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ limit, offset }) =>
        this.api.list({ limit, offset }).pipe(
          map((page): WebhooksState => ({ page, status: 'ready' })),
          catchError(() => of<WebhooksState>({ status: 'error' })),
          startWith<WebhooksState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as WebhooksState },
  );

  protected changePage(event: PageEvent): void {
    this.query.update(({ revision }) => ({ limit: event.pageSize, offset: event.pageIndex * event.pageSize, revision }));
  }

  protected create(): void {
    this.openDialog({}, (webhook) => `Webhook for ${webhook.url} was created.`);
  }

  protected edit(webhook: WebhookResponse): void {
    this.openDialog({ webhook }, (saved) => `Webhook for ${saved.url} was saved.`);
  }

  protected toggle(webhook: WebhookResponse, change: MatSlideToggleChange): void {
    this.busyWebhookId.set(webhook.id);
    this.api
      .setActive(webhook.id, change.checked)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => {
          change.source.checked = webhook.active;
          this.busyWebhookId.set(null);
        },
        next: (saved) => {
          this.busyWebhookId.set(null);
          this.snackBar.open(`Webhook for ${saved.url} was ${saved.active ? 'enabled' : 'disabled'}.`, undefined, { duration: 4000 });
          this.refresh();
        },
      });
  }

  protected sendTest(webhook: WebhookResponse): void {
    this.testingWebhookId.set(webhook.id);
    this.api
      .testDelivery(webhook.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        complete: () => this.testingWebhookId.set(null),
        error: () => this.testingWebhookId.set(null),
        next: (outcome: TestDeliveryOutcome) => this.testResult.set({ webhookId: webhook.id, ...describeTestOutcome(webhook.url, outcome) }),
      });
  }

  protected remove(webhook: WebhookResponse): void {
    confirmAction(this.dialog, {
      confirmLabel: 'Delete webhook',
      destructive: true,
      message: `${webhook.url} receives no more events, and its delivery log is deleted with it. This cannot be undone.`,
      title: 'Delete this webhook?',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyWebhookId.set(webhook.id);
          return this.api.remove(webhook.id);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: () => this.busyWebhookId.set(null),
        next: () => {
          this.busyWebhookId.set(null);
          this.snackBar.open(`Webhook for ${webhook.url} was deleted.`, undefined, { duration: 4000 });
          this.refresh();
        },
      });
  }

  private openDialog(data: WebhookDialogData, message: (webhook: WebhookResponse) => string): void {
    this.dialog
      .open<WebhookDialog, WebhookDialogData, WebhookResponse>(WebhookDialog, { autoFocus: 'first-tabbable', data, disableClose: true, width: '600px' })
      .afterClosed()
      .pipe(
        filter((webhook): webhook is WebhookResponse => !!webhook),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((webhook) => {
        this.snackBar.open(message(webhook), undefined, { duration: 4000 });
        this.refresh();
      });
  }

  private refresh(): void {
    this.query.update((query) => ({ ...query, revision: query.revision + 1 }));
  }
}
