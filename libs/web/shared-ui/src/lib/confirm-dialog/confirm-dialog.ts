import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { map, Observable } from 'rxjs';

export interface ConfirmDialogData {
  title: string;
  message: string;
  /** Label of the confirming button, e.g. "Delete model". */
  confirmLabel: string;
  cancelLabel?: string;
  /** Colours the confirming button as an error: the action cannot be undone. */
  destructive?: boolean;
}

/** Asks the user to confirm an action; closes with `true` only when they confirm. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatIcon],
  selector: 'mi-confirm-dialog',
  styleUrl: './confirm-dialog.scss',
  templateUrl: './confirm-dialog.html',
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens a `ConfirmDialog` and emits once: whether the user confirmed. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  return dialog
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      autoFocus: 'dialog',
      data,
      panelClass: 'mi-confirm-dialog-panel',
      role: 'alertdialog',
      width: '440px',
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
