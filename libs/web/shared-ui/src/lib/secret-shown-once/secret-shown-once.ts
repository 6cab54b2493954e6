import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatFormField, MatHint, MatLabel, SubscriptSizing } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { CopyButton } from '../copy-button/copy-button';

/**
 * A secret the server returns once (an API token, a signing secret, a share link): a warning that it will not be
 * shown again, the secret selected on focus, and a copy button. Content marked `secretHint` becomes the field's hint.
 * Its parts sit directly in the dialog's layout; `--mi-secret-warning-margin` and `--mi-secret-copy-margin` set the
 * space below the warning and above the button.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CopyButton, MatFormField, MatHint, MatIcon, MatInput, MatLabel],
  selector: 'mi-secret-shown-once',
  styleUrl: './secret-shown-once.scss',
  templateUrl: './secret-shown-once.html',
})
export class SecretShownOnce {
  readonly secret = input.required<string>();
  readonly label = input.required<string>();
  readonly copyLabel = input.required<string>();
  /** Names the test ids: `<name>-once-warning`, `created-<name>`, `copy-<name>`. */
  readonly testId = input.required<string>();
  /** How the warning calls the secret: "you will not see <it> again". */
  readonly subject = input('it');
  /** The warning's last sentence: what the secret is for. */
  readonly purpose = input.required<string>();
  readonly subscriptSizing = input<SubscriptSizing>('fixed');

  protected select(event: FocusEvent): void {
    (event.target as HTMLTextAreaElement).select();
  }
}
