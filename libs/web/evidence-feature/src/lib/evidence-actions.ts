import { computed, inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { EvidenceResponse, WRITER_ROLES } from '@model-inventory/contracts';
import { AuthStore, describeHttpError, saveBlob } from '@model-inventory/web-core';
import { EvidenceApi } from '@model-inventory/web-evidence-data-access';
import { confirmAction } from '@model-inventory/web-shared-ui';
import { catchError, map, Observable, of, switchMap } from 'rxjs';

/** Download and removal of one evidence file, shared by the model's Evidence tab and the hub. */
@Injectable({ providedIn: 'root' })
export class EvidenceActions {
  private readonly api = inject(EvidenceApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Admins, Reviewers and Editors add and remove evidence; Auditors and Viewers read and download it. */
  readonly canWrite = computed(() => {
    const role = this.auth.user()?.role;
    return role !== undefined && WRITER_ROLES.includes(role);
  });

  /** Saves the stored bytes under the stored filename. */
  download(evidence: EvidenceResponse): void {
    this.api.download(evidence).subscribe({
      error: (error: unknown) =>
        this.snackBar.open(`${evidence.filename} could not be downloaded. ${describeHttpError(error)}`, 'Dismiss', { duration: 8000 }),
      next: ({ blob }) => saveBlob(blob, evidence.filename),
    });
  }

  /** Asks first; emits true once the evidence is removed, false when the user cancelled or the removal failed. */
  remove(evidence: EvidenceResponse): Observable<boolean> {
    return confirmAction(this.dialog, {
      confirmLabel: 'Remove evidence',
      destructive: true,
      message: `${evidence.filename} (${evidence.evidence_type}) will be removed from ${evidence.model.model} ${evidence.model.version} and from the Evidence hub. The file stays in the audit trail.`,
      title: 'Remove this evidence?',
    }).pipe(
      switchMap((confirmed) => {
        if (!confirmed) return of(false);
        return this.api.remove(evidence.id).pipe(
          map(() => {
            this.snackBar.open(`${evidence.filename} removed.`, undefined, { duration: 4000 });
            return true;
          }),
          catchError((error: unknown) => {
            this.snackBar.open(`${evidence.filename} could not be removed. ${describeHttpError(error)}`, 'Dismiss', { duration: 8000 });
            return of(false);
          }),
        );
      }),
    );
  }
}
