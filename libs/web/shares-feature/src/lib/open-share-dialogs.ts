import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { ShareLinkResponse } from '@model-inventory/contracts';
import { CreateShareDialog, CreateShareDialogData } from './create-share-dialog/create-share-dialog';
import { ShareLinksDialog, ShareLinksDialogData } from './share-links-dialog/share-links-dialog';

/**
 * The share dialogs as the Models and Risks tabs open them, after `import('@model-inventory/web-shares-feature')`:
 * this library is a lazy chunk, so the tabs' first load does not carry it.
 */
export function openCreateShareDialog(dialog: MatDialog, data: CreateShareDialogData): MatDialogRef<CreateShareDialog, ShareLinkResponse> {
  return dialog.open<CreateShareDialog, CreateShareDialogData, ShareLinkResponse>(CreateShareDialog, {
    ariaLabel: 'Create a share link',
    autoFocus: 'dialog',
    data,
    maxWidth: '96vw',
    restoreFocus: true,
    width: '560px',
  });
}

export function openShareLinksDialog(dialog: MatDialog, data: ShareLinksDialogData): MatDialogRef<ShareLinksDialog, void> {
  return dialog.open<ShareLinksDialog, ShareLinksDialogData, void>(ShareLinksDialog, {
    ariaLabel: 'Share links',
    autoFocus: 'dialog',
    data,
    maxHeight: '92vh',
    maxWidth: '96vw',
    restoreFocus: true,
    width: '1100px',
  });
}
