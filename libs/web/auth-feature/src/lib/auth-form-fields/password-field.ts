import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH } from '@model-inventory/contracts';
import { checkOnControlEvents } from './check-on-control-events';

/**
 * The password field of an auth form, with a button that shows or hides what was typed. A `new` password (sign-up,
 * invitation) gets the length hint; a `current` one (sign-in) only has to be there.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatError, MatFormField, MatHint, MatIcon, MatIconButton, MatInput, MatLabel, MatSuffix, ReactiveFormsModule],
  selector: 'mi-password-field',
  styleUrl: './auth-field.scss',
  templateUrl: './password-field.html',
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  readonly purpose = input.required<'current' | 'new'>();
  protected readonly hidden = signal(true);
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  constructor() {
    checkOnControlEvents(this.control);
  }
}
