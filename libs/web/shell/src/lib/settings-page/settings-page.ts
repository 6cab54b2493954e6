import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { AuthStore } from '@model-inventory/web-core';
import { UsersTable } from '@model-inventory/web-users-feature';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatCard, MatCardContent, MatCardHeader, MatCardTitle, MatIcon, UsersTable],
  selector: 'mi-settings-page',
  styleUrl: './settings-page.scss',
  templateUrl: './settings-page.html',
})
export class SettingsPage {
  private readonly auth = inject(AuthStore);

  protected readonly user = this.auth.user;
  protected readonly organization = this.auth.organization;
  protected readonly isAdmin = this.auth.isAdmin;
}
