import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { RiskDialog, RiskDialogData, RiskDialogResult } from './risk-dialog';

/**
 * Opens the risk dialog with the console's dialog settings (the routed host and a model's Risks tab alike). A routed
 * dialog closes through its route (`closeOnNavigation: false`); one opened over another dialog closes on navigation.
 */
export function openRiskDialog(
  dialog: MatDialog,
  data: RiskDialogData,
  { closeOnNavigation = false }: { closeOnNavigation?: boolean } = {},
): MatDialogRef<RiskDialog, RiskDialogResult> {
  return dialog.open<RiskDialog, RiskDialogData, RiskDialogResult>(RiskDialog, {
    ariaLabel: data.id === null ? 'Raise a risk' : 'Risk details',
    autoFocus: data.id === null ? 'input[formcontrolname=risk_name]' : 'dialog',
    closeOnNavigation,
    data,
    maxHeight: '92vh',
    maxWidth: '96vw',
    panelClass: 'mi-risk-dialog-panel',
    restoreFocus: true,
    width: '800px',
  });
}
