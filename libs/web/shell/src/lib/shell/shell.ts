import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { filter, map } from 'rxjs';
import { UserMenu } from '../user-menu/user-menu';

interface NavItem {
  icon: string;
  label: string;
  path: string;
}

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatIcon,
    MatIconButton,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatNavList,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    UserMenu,
  ],
  selector: 'mi-shell',
  styleUrl: './shell.scss',
  templateUrl: './shell.html',
})
export class Shell {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly user = this.auth.user;
  protected readonly organization = this.auth.organization;
  protected readonly isHandset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly navItems: readonly NavItem[] = [
    { icon: 'inventory_2', label: 'Model Inventory', path: `/${WebRoutes.modelInventory}` },
    { icon: 'settings', label: 'Settings', path: `/${WebRoutes.settings}` },
  ];
  protected readonly settingsPath = `/${WebRoutes.settings}`;

  /** Moves keyboard focus past the toolbar and navigation to the page itself (the first Tab on every page). */
  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }

  protected closeOnHandset(sidenav: MatSidenav): void {
    if (this.isHandset()) {
      void sidenav.close();
    }
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/', WebRoutes.login]);
  }

  /** The dialog is a lazy chunk: few sessions change a password, every session loads the shell. */
  protected changePassword(): void {
    import('../change-password-dialog/change-password-dialog').then(
      ({ ChangePasswordDialog }) =>
        this.dialog
          .open<InstanceType<typeof ChangePasswordDialog>, void, boolean>(ChangePasswordDialog, { autoFocus: 'first-tabbable', width: '480px' })
          .afterClosed()
          .pipe(filter(Boolean))
          .subscribe(() => this.snackBar.open('Your password was changed. Your other sessions were signed out.', undefined, { duration: 5000 })),
      () => this.snackBar.open('The password form could not be loaded. Reload the page and try again.', 'Dismiss', { duration: 8000 }),
    );
  }
}
