import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** A button that puts a text on the clipboard and then says "Copied" until the next attempt. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkCopyToClipboard, MatButton, MatIcon],
  selector: 'mi-copy-button',
  styles: ':host { display: inline-flex; }',
  template: `
    <button mat-stroked-button type="button" [cdkCopyToClipboard]="text()" (cdkCopyToClipboardCopied)="copied.set($event)">
      <mat-icon>{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
      {{ copied() ? 'Copied' : label() }}
    </button>
  `,
})
export class CopyButton {
  readonly text = input.required<string>();
  /** What the button says before copying, e.g. "Copy token". */
  readonly label = input.required<string>();
  protected readonly copied = signal(false);
}
