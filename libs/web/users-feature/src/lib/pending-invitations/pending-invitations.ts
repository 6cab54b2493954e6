import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { InvitationResponse, Page } from '@model-inventory/contracts';
import { confirmAction } from '@model-inventory/web-shared-ui';
import { UsersApi } from '@model-inventory/web-users-data-access';
import { catchError, combineLatest, filter, map, of, switchMap } from 'rxjs';

const SHOWN = 50;

/** Open invitations under the users (Admins): who was invited, as what, by whom, until when; revoke one. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton],
  selector: 'mi-pending-invitations',
  styleUrl: './pending-invitations.scss',
  templateUrl: './pending-invitations.html',
})
export class PendingInvitations {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  /** Bumped by the parent after an invitation is issued. */
  readonly revision = input(0);
  private readonly revoked = signal(0);
  protected readonly busyId = signal<number | null>(null);
  protected readonly page = toSignal(
    combineLatest([toObservable(this.revision), toObservable(this.revoked)]).pipe(
      switchMap(() => this.api.invitations({ limit: SHOWN }).pipe(catchError(() => of<Page<InvitationResponse> | null>(null)))),
    ),
    { initialValue: null },
  );

  protected revoke(invitation: InvitationResponse): void {
    confirmAction(this.dialog, {
      confirmLabel: 'Revoke invitation',
      destructive: true,
      message: `The link sent to ${invitation.email} stops working. You can invite them again later.`,
      title: 'Revoke this invitation?',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyId.set(invitation.id);
          return this.api.revokeInvitation(invitation.id).pipe(map(() => true));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: () => this.busyId.set(null),
        next: () => {
          this.busyId.set(null);
          this.snackBar.open(`The invitation for ${invitation.email} was revoked.`, undefined, { duration: 4000 });
          this.revoked.update((count) => count + 1);
        },
      });
  }
}
