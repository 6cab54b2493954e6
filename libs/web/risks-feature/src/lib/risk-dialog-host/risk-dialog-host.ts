import { ChangeDetectionStrategy, Component, effect, inject, input, OnDestroy, untracked } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import { RiskListStore } from '@model-inventory/web-risks-data-access';
import { openRiskDialog } from '../risk-dialog/open-risk-dialog';
import { RiskDialog, RiskDialogResult } from '../risk-dialog/risk-dialog';

/**
 * Routable dialog: `risks/new` and `risks/:id` render this template-less component, which opens the risk dialog
 * and, once it closes, navigates back to the list with the list's query parameters. A link to a risk therefore
 * opens the same dialog, and Back closes it. A new risk is raised against the model the list is filtered by, if any.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'mi-risk-dialog-host',
  template: '',
})
export class RiskDialogHost implements OnDestroy {
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  /** The list behind the dialog, refreshed after a change. */
  private readonly store = inject(RiskListStore, { optional: true });
  private dialogRef: MatDialogRef<RiskDialog, RiskDialogResult> | null = null;
  private destroyed = false;

  /** The `:id` route parameter; absent on `new`. */
  readonly id = input<string>();

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.open(id));
    });
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    this.dialogRef?.close();
  }

  private open(rawId: string | undefined): void {
    const id = rawId === undefined ? null : Number(rawId);
    if (id !== null && !(Number.isInteger(id) && id > 0)) {
      this.back();
      return;
    }
    const previous = this.dialogRef;
    this.dialogRef = null;
    previous?.close();

    const ref = openRiskDialog(this.dialog, { id, modelId: this.store?.filters().model_id ?? null });
    this.dialogRef = ref;
    ref.afterClosed().subscribe((result) => {
      if (result) {
        this.store?.reload();
      }
      if (this.dialogRef === ref && !this.destroyed) {
        this.dialogRef = null;
        this.back();
      }
    });
  }

  private back(): void {
    void this.router.navigate(['..'], { queryParamsHandling: 'preserve', relativeTo: this.route });
  }
}
