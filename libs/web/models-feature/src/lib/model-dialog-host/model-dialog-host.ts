import { ChangeDetectionStrategy, Component, effect, inject, input, OnDestroy, untracked } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import { ModelListStore } from '@model-inventory/web-inventory-data-access';
import { ModelDialog, ModelDialogData, ModelDialogResult } from '../model-dialog/model-dialog';

/**
 * Routable dialog: `models/new` and `models/:id` render this template-less component, which opens
 * the model dialog and, once it closes, navigates back to the list with the list's query parameters.
 * A link to a model therefore opens the same dialog, and Back closes it.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'mi-model-dialog-host',
  template: '',
})
export class ModelDialogHost implements OnDestroy {
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  /** The list behind the dialog, refreshed after a save or delete. */
  private readonly store = inject(ModelListStore, { optional: true });
  private dialogRef: MatDialogRef<ModelDialog, ModelDialogResult> | null = null;
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

    const ref = this.dialog.open<ModelDialog, ModelDialogData, ModelDialogResult>(ModelDialog, {
      ariaLabel: id === null ? 'Register a model' : 'Model details',
      autoFocus: id === null ? 'input[formcontrolname=provider]' : 'dialog',
      closeOnNavigation: false,
      data: { id },
      maxHeight: '92vh',
      maxWidth: '96vw',
      panelClass: 'mi-model-dialog-panel',
      restoreFocus: true,
      width: '800px',
    });
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
