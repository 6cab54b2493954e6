import { Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@model-inventory/contracts';

export const NAME_MAX_LENGTH = 200;

/** A person's or an organisation's name, as the server accepts it. */
export const nameValidators = [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)];

export const emailValidators = [Validators.required, Validators.email];

/** A password chosen when an account is made. */
export const newPasswordValidators = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];
