import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle, MatSlideToggleChange } from '@angular/material/slide-toggle';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ShareLinkResponse } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { SharesApi } from '@model-inventory/web-shares-data-access';
import { confirmAction } from '@model-inventory/web-shared-ui';
import { endOfDay } from '../create-share-dialog/create-share-dialog';
import { filter, switchMap } from 'rxjs';
import { describeShareFilters, resourceLabel } from '../share-filters';

export interface ShareLinksDialogData {
  /** Admins, Reviewers and Editors may disable, enable and revoke; Auditors read the list. */
  canWrite: boolean;
}

export type ShareLinkState = 'Live' | 'Disabled' | 'Expired' | 'Revoked';

/** What a link does now: revoked for good, expired, disabled (reversible) or live. */
export function shareLinkState(link: ShareLinkResponse, now: Date = new Date()): ShareLinkState {
  if (link.revoked_at) return 'Revoked';
  if (link.expires_at && new Date(link.expires_at) <= now) return 'Expired';
  return link.enabled ? 'Live' : 'Disabled';
}

const PAGE_SIZE = 20;

/** The organisation's share links: what each shares, who made it, how it is used; enable, disable and revoke them. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatIconButton,
    MatPaginator,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatSlideToggle,
    MatTable,
    MatTooltip,
  ],
  providers: [provideNativeDateAdapter()],
  selector: 'mi-share-links-dialog',
  styleUrl: './share-links-dialog.scss',
  templateUrl: './share-links-dialog.html',
})
export class ShareLinksDialog {
  private readonly api = inject(SharesApi);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canWrite = inject<ShareLinksDialogData>(MAT_DIALOG_DATA).canWrite;
  protected readonly columns = ['resource', 'fields', 'created', 'accessed', 'expires', 'state', 'enabled', ...(this.canWrite ? ['actions'] : [])];
  protected readonly pageSize = PAGE_SIZE;
  /** Tomorrow at the earliest: the server refuses an expiry in the past. */
  protected readonly minExpiry = new Date(new Date().setHours(24, 0, 0, 0));
  protected readonly links = signal<ShareLinkResponse[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(0);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  protected readonly resourceLabel = resourceLabel;
  protected readonly describeFilters = describeShareFilters;
  protected readonly stateOf = shareLinkState;

  constructor() {
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.load();
  }

  protected setEnabled(link: ShareLinkResponse, event: MatSlideToggleChange): void {
    this.error.set(null);
    this.api
      .update(link.id, { enabled: event.checked })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          event.source.checked = link.enabled;
          this.error.set(`The link could not be ${event.checked ? 'enabled' : 'disabled'}. ${describeHttpError(error)}`);
        },
        next: (changed) => this.replace(changed),
      });
  }

  /** A new expiry (the end of the chosen day), or `null`: the link never expires. */
  protected setExpiry(link: ShareLinkResponse, date: Date | null): void {
    this.error.set(null);
    this.api
      .update(link.id, { expires_at: date ? endOfDay(date) : null })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => this.error.set(`The expiry could not be changed. ${describeHttpError(error)}`),
        next: (changed) => this.replace(changed),
      });
  }

  protected revoke(link: ShareLinkResponse): void {
    confirmAction(this.dialog, {
      confirmLabel: 'Revoke link',
      destructive: true,
      message: `Anyone holding this link to the ${resourceLabel(link.resource).toLowerCase()} loses access at once. A revoked link cannot be enabled again.`,
      title: 'Revoke this share link?',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => this.api.revoke(link.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: (error: unknown) => this.error.set(`The link could not be revoked. ${describeHttpError(error)}`),
        next: () => this.load(),
      });
  }

  private replace(changed: ShareLinkResponse): void {
    this.links.update((links) => links.map((link) => (link.id === changed.id ? changed : link)));
  }

  private load(): void {
    this.loading.set(true);
    this.api
      .list({ limit: PAGE_SIZE, offset: this.pageIndex() * PAGE_SIZE })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(`The share links could not be loaded. ${describeHttpError(error)}`);
        },
        next: (page) => {
          this.loading.set(false);
          this.links.set(page.items);
          this.total.set(page.total);
        },
      });
  }
}
