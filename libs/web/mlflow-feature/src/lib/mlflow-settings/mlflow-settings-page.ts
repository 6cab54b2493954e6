import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { MlflowConfigResponse, WebRoutes } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { hasRole, MLFLOW_CONFIG_ROLES, MLFLOW_SYNC_ROLES, MlflowApi } from '@model-inventory/web-mlflow-data-access';
import { confirmAction } from '@model-inventory/web-shared-ui';
import { filter, switchMap } from 'rxjs';
import { MlflowConnectionForm } from '../mlflow-connection-form/mlflow-connection-form';
import { MlflowSyncPanel } from '../mlflow-sync-panel/mlflow-sync-panel';

type ConfigState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; config: MlflowConfigResponse | null };

/** Settings › MLflow: the connection (Admins edit, everyone reads), its test, the sync, and removing it. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatIcon, MatProgressBar, MlflowConnectionForm, MlflowSyncPanel, RouterLink],
  selector: 'mi-mlflow-settings-page',
  styleUrl: './mlflow-settings-page.scss',
  templateUrl: './mlflow-settings-page.html',
})
export class MlflowSettingsPage {
  private readonly api = inject(MlflowApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly state = signal<ConfigState>({ status: 'loading' });
  protected readonly canEdit = computed(() => hasRole(MLFLOW_CONFIG_ROLES, this.auth.user()?.role));
  protected readonly canSync = computed(() => hasRole(MLFLOW_SYNC_ROLES, this.auth.user()?.role));
  protected readonly removing = signal(false);
  protected readonly mlflowTab = ['/', WebRoutes.modelInventory, 'mlflow'];

  constructor() {
    this.load();
  }

  protected load(): void {
    this.api
      .config()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => this.state.set({ status: 'error' }),
        next: (config) => this.state.set({ config: config.configured ? config : null, status: 'ready' }),
      });
  }

  protected onSaved(config: MlflowConfigResponse): void {
    this.state.set({ config, status: 'ready' });
    this.snackBar.open('MLflow connection saved. Test it before the next sync.', undefined, { duration: 4000 });
  }

  protected remove(): void {
    confirmAction(this.dialog, {
      confirmLabel: 'Remove integration',
      destructive: true,
      message: 'The stored URL and credentials are deleted and scheduled syncs stop. The synced records stay in the MLflow tab.',
      title: 'Remove the MLflow integration?',
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.removing.set(true);
          return this.api.removeConfig();
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: () => this.removing.set(false),
        next: () => {
          this.removing.set(false);
          this.state.set({ config: null, status: 'ready' });
          this.snackBar.open('The MLflow integration was removed.', undefined, { duration: 4000 });
        },
      });
  }
}
