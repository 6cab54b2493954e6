import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/** The banner above an auth form with the error that belongs to no single field. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'form-error', role: 'alert' },
  imports: [MatIcon],
  selector: 'mi-auth-form-error',
  styles: `
    :host {
      align-items: flex-start;
      background: var(--mat-sys-error-container);
      border-radius: var(--mat-sys-corner-small);
      color: var(--mat-sys-on-error-container);
      display: flex;
      font: var(--mat-sys-body-medium);
      gap: 8px;
      margin-bottom: 16px;
      padding: 12px;
    }
  `,
  template: `<mat-icon aria-hidden="true">error</mat-icon><span>{{ message() }}</span>`,
})
export class AuthFormError {
  readonly message = input.required<string>();
}
