import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ApiTokenResponse, Page } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { ApiTokensApi } from '@model-inventory/web-security-data-access';
import { confirmAction, EmptyState } from '@model-inventory/web-shared-ui';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { CreateApiTokenDialog } from '../create-api-token-dialog/create-api-token-dialog';

type TokensState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; page: Page<ApiTokenResponse> };

const PAGE_SIZE_OPTIONS = [10, 25, 50];
const COLUMNS = ['name', 'prefix', 'role', 'created_at', 'last_used_at', 'expires_at', 'actions'];

/** Settings › API tokens: your tokens (Admins: everyone's), create one and copy it once, revoke. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, EmptyState, MatButton, MatIcon, MatIconButton, MatPaginator, MatProgressBar, MatTableModule, MatTooltip],
  selector: 'mi-api-tokens-page',
  styleUrl: './api-tokens-page.scss',
  templateUrl: './api-tokens-page.html',
})
export class ApiTokensPage {
  private readonly api = inject(ApiTokensApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly isAdmin = inject(AuthStore).isAdmin;
  protected readonly columns = computed(() => (this.isAdmin() ? [...COLUMNS.slice(0, 1), 'owner', ...COLUMNS.slice(1)] : COLUMNS));
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly now = Date.now();
  protected readonly busyTokenId = signal<number | null>(null);
  private readonly query = signal({ limit: PAGE_SIZE_OPTIONS[0], offset: 0, revision: 0 });
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ limit, offset }) =>
        this.api.list({ limit, offset }).pipe(
          map((page): TokensState => ({ page, status: 'ready' })),
          catchError(() => of<TokensState>({ status: 'error' })),
          startWith<TokensState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as TokensState },
  );

  protected isExpired(token: ApiTokenResponse): boolean {
    return token.expires_at !== null && Date.parse(token.expires_at) <= this.now;
  }

  protected changePage(event: PageEvent): void {
    this.query.update(({ revision }) => ({ limit: event.pageSize, offset: event.pageIndex * event.pageSize, revision }));
  }

  protected create(): void {
    this.dialog
      .open<CreateApiTokenDialog, void, ApiTokenResponse>(CreateApiTokenDialog, { autoFocus: 'first-tabbable', disableClose: true, width: '520px' })
      .afterClosed()
      .pipe(
        filter((token): token is ApiTokenResponse => !!token),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((token) => {
        this.snackBar.open(`API token "${token.name}" was created.`, undefined, { duration: 4000 });
        this.refresh();
      });
  }

  protected revoke(token: ApiTokenResponse): void {
    confirmAction(this.dialog, {
      confirmLabel: 'Revoke token',
      destructive: true,
      message: `Scripts using "${token.name}" (${token.prefix}…) stop working at once. This cannot be undone.`,
      title: 'Revoke this API token?',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyTokenId.set(token.id);
          return this.api.revoke(token.id);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: () => this.busyTokenId.set(null),
        next: () => {
          this.busyTokenId.set(null);
          this.snackBar.open(`API token "${token.name}" was revoked.`, undefined, { duration: 4000 });
          this.refresh();
        },
      });
  }

  private refresh(): void {
    this.query.update((query) => ({ ...query, revision: query.revision + 1 }));
  }
}
