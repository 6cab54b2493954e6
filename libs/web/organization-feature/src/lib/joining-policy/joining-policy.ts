import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { INVITATION_TTL_DAYS, WebRoutes } from '@model-inventory/contracts';
import { AuthApi } from '@model-inventory/web-core';
import { catchError, map, of } from 'rxjs';

/** Settings › Organisation: how people come to be members (see docs/adr/0002-joining-an-organisation-by-invitation.md). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle, MatIcon, RouterLink],
  selector: 'mi-joining-policy',
  styleUrl: './joining-policy.scss',
  templateUrl: './joining-policy.html',
})
export class JoiningPolicy {
  readonly canInvite = input(false);
  protected readonly ttlDays = INVITATION_TTL_DAYS;
  protected readonly usersLink = `/${WebRoutes.settings}`;
  /** null while unknown or unreadable: the sentence about sign-up is then left out. */
  protected readonly signupEnabled = toSignal(
    inject(AuthApi)
      .settings()
      .pipe(
        map((settings): boolean | null => settings.signup_enabled),
        catchError(() => of(null)),
      ),
    { initialValue: null },
  );
}
