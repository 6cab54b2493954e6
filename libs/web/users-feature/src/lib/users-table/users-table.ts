import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { Page, Role, UserResponse } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { confirmAction } from '@model-inventory/web-shared-ui';
import { UsersApi } from '@model-inventory/web-users-data-access';
import { catchError, filter, map, of, startWith, switchMap } from 'rxjs';
import { UserDialog } from '../user-dialog/user-dialog';
import { InviteDialog } from '../invite-dialog/invite-dialog';
import { PendingInvitations } from '../pending-invitations/pending-invitations';
import { UserEditDialog, UserEditResult } from '../user-edit-dialog/user-edit-dialog';
import { ROLE_OPTIONS } from '../user-roles';

type UsersState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; page: Page<UserResponse> };

const PAGE_SIZE_OPTIONS = [10, 25, 50];
const COLUMNS = ['name', 'email', 'role', 'created_at'];

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButton,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    MatIconButton,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    MatTooltip,
    PendingInvitations,
  ],
  selector: 'mi-users-table',
  styleUrl: './users-table.scss',
  templateUrl: './users-table.html',
})
export class UsersTable {
  private readonly usersApi = inject(UsersApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canManage = this.auth.isAdmin;
  protected readonly currentUserId = computed(() => this.auth.user()?.id ?? null);
  protected readonly columns = computed(() => (this.canManage() ? [...COLUMNS, 'actions'] : COLUMNS));
  protected readonly roles = ROLE_OPTIONS;
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly busyUserId = signal<number | null>(null);
  protected readonly invitationsRevision = signal(0);
  protected readonly query = signal({ limit: PAGE_SIZE_OPTIONS[0], offset: 0, revision: 0 });
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ limit, offset }) =>
        this.usersApi.list({ limit, offset }).pipe(
          map((page): UsersState => ({ page, status: 'ready' })),
          catchError(() => of<UsersState>({ status: 'error' })),
          startWith<UsersState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as UsersState },
  );

  protected changePage(event: PageEvent): void {
    this.query.update(({ revision }) => ({ limit: event.pageSize, offset: event.pageIndex * event.pageSize, revision }));
  }

  protected addUser(): void {
    this.dialog
      .open<UserDialog, void, UserResponse>(UserDialog, { autoFocus: 'first-tabbable', width: '480px' })
      .afterClosed()
      .pipe(
        filter((user): user is UserResponse => !!user),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((user) => {
        this.snackBar.open(`${user.name} can now sign in as ${user.role}.`, undefined, { duration: 4000 });
        this.refresh();
      });
  }

  protected invite(): void {
    this.dialog
      .open<InviteDialog, void, boolean>(InviteDialog, { autoFocus: 'first-tabbable', disableClose: true, width: '520px' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((issued) => {
        if (issued) this.invitationsRevision.update((revision) => revision + 1);
      });
  }

  protected edit(user: UserResponse): void {
    this.dialog
      .open<UserEditDialog, UserResponse, UserEditResult>(UserEditDialog, { autoFocus: 'first-tabbable', data: user, width: '480px' })
      .afterClosed()
      .pipe(
        filter((result): result is UserEditResult => !!result),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(({ passwordReset, user: updated }) => {
        const message = passwordReset ? `${updated.name} has a new password and was signed out everywhere.` : `${updated.name} was saved.`;
        this.snackBar.open(message, undefined, { duration: 4000 });
        this.refresh();
      });
  }

  protected changeRole(user: UserResponse, role: Role): void {
    if (user.role === role) return;
    this.busyUserId.set(user.id);
    this.usersApi
      .update(user.id, { role })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => this.busyUserId.set(null),
        next: (updated) => {
          this.busyUserId.set(null);
          this.snackBar.open(`${updated.name} is now ${updated.role}.`, undefined, { duration: 4000 });
          this.refresh();
        },
      });
  }

  protected remove(user: UserResponse): void {
    confirmAction(this.dialog, {
      confirmLabel: 'Remove user',
      destructive: true,
      message: `${user.name} (${user.email}) will no longer be able to sign in. Their past changes stay in the history.`,
      title: 'Remove this user?',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyUserId.set(user.id);
          return this.usersApi.remove(user.id);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: () => this.busyUserId.set(null),
        next: () => {
          this.busyUserId.set(null);
          this.snackBar.open(`${user.name} was removed.`, undefined, { duration: 4000 });
          this.refresh();
        },
      });
  }

  private refresh(): void {
    this.query.update((query) => ({ ...query, revision: query.revision + 1 }));
  }
}
