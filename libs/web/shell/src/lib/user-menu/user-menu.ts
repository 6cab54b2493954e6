import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { UserResponse } from '@model-inventory/contracts';
import { ThemeChoice, ThemeStore } from '@model-inventory/web-core';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDivider, MatIcon, MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger, RouterLink],
  selector: 'mi-user-menu',
  styleUrl: './user-menu.scss',
  templateUrl: './user-menu.html',
})
export class UserMenu {
  readonly user = input.required<UserResponse>();
  readonly settingsPath = input.required<string>();
  readonly signOut = output();
  readonly changePassword = output();

  protected readonly theme = inject(ThemeStore);
  protected readonly themeLabels: Record<ThemeChoice, string> = { dark: 'dark', light: 'light', system: 'as the system' };
  protected readonly themeIcons: Record<ThemeChoice, string> = { dark: 'dark_mode', light: 'light_mode', system: 'contrast' };

  protected readonly initials = computed(() =>
    this.user()
      .name.split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0].toUpperCase())
      .join(''),
  );
}
