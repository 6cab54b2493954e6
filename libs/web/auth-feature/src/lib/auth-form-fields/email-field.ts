import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { checkOnControlEvents } from './check-on-control-events';

/** An e-mail field of an auth form, with its error messages (the server's last). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  selector: 'mi-email-field',
  styleUrl: './auth-field.scss',
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input matInput type="email" [formControl]="control()" [autocomplete]="autocomplete()" />
      @let email = control();
      @if (email.hasError('required')) {
        <mat-error>Enter your email address.</mat-error>
      } @else if (email.hasError('email')) {
        <mat-error>Enter a valid email address, like name&#64;example.com.</mat-error>
      } @else if (email.hasError('server')) {
        <mat-error>{{ email.getError('server') }}</mat-error>
      }
    </mat-form-field>
  `,
})
export class EmailField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input('Email');
  /** `username` on sign-in, `email` when an account is made. */
  readonly autocomplete = input.required<'email' | 'username'>();

  constructor() {
    checkOnControlEvents(this.control);
  }
}
