import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { AuditAction, AuditEventResponse } from '@model-inventory/contracts';
import { describeHttpError, saveBlob } from '@model-inventory/web-core';
import { AuditEventsApi, SECURITY_LOG_PAGE_SIZES, SecurityLogStore } from '@model-inventory/web-security-data-access';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { firstValueFrom } from 'rxjs';
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_OPTIONS, outcomeOf, targetOf } from '../audit-vocabulary';

const COLUMNS = ['occurred_at', 'actor', 'action', 'target', 'ip', 'outcome'];

/** Settings › Security log: who signed in, changed accounts, tokens and integrations; filters in the URL; CSV export. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    EmptyState,
    MatButton,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatTableModule,
  ],
  providers: [SecurityLogStore],
  selector: 'mi-security-log-page',
  styleUrl: './security-log-page.scss',
  templateUrl: './security-log-page.html',
})
export class SecurityLogPage {
  private readonly api = inject(AuditEventsApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly store = inject(SecurityLogStore);
  protected readonly columns = COLUMNS;
  protected readonly pageSizes = SECURITY_LOG_PAGE_SIZES;
  protected readonly actionOptions = AUDIT_ACTION_OPTIONS;
  protected readonly exporting = signal(false);

  protected outcome(event: AuditEventResponse) {
    return outcomeOf(event);
  }

  protected actionLabel(event: AuditEventResponse): string {
    return AUDIT_ACTION_LABELS[event.action] ?? event.action;
  }

  protected target(event: AuditEventResponse): string {
    return targetOf(event);
  }

  protected setActor(value: string): void {
    if (value.trim() !== this.store.filters().actor) this.store.setFilters({ actor: value.trim() });
  }

  protected setActions(actions: AuditAction[]): void {
    this.store.setFilters({ action: actions });
  }

  protected setDay(bound: 'from' | 'to', value: string): void {
    if (value !== this.store.filters()[bound]) this.store.setFilters({ [bound]: value });
  }

  protected changePage(event: PageEvent): void {
    this.store.setPage(event.pageIndex, event.pageSize);
  }

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    try {
      const file = await firstValueFrom(this.api.export(this.store.filterQuery()));
      saveBlob(file.blob, file.filename);
    } catch (error) {
      this.snackBar.open(`The export failed. ${describeHttpError(error)}`, 'Dismiss', { duration: 8000 });
    } finally {
      this.exporting.set(false);
    }
  }
}
