import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { NAME_MAX_LENGTH } from './account-validators';
import { checkOnControlEvents } from './check-on-control-events';

/** A name field of an auth form (the person's or the organisation's), with its error messages (the server's last). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatError, MatFormField, MatInput, MatLabel, ReactiveFormsModule],
  selector: 'mi-name-field',
  styleUrl: './auth-field.scss',
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input matInput [formControl]="control()" [autocomplete]="autocomplete()" />
      @let name = control();
      @if (name.hasError('required')) {
        <mat-error>{{ requiredMessage() }}</mat-error>
      } @else if (name.hasError('maxlength')) {
        <mat-error>Use at most {{ maxLength }} characters.</mat-error>
      } @else if (name.hasError('server')) {
        <mat-error>{{ name.getError('server') }}</mat-error>
      }
    </mat-form-field>
  `,
})
export class NameField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input('Your name');
  readonly autocomplete = input<'name' | 'organization'>('name');
  readonly requiredMessage = input('Enter your name.');
  protected readonly maxLength = NAME_MAX_LENGTH;

  constructor() {
    checkOnControlEvents(this.control);
  }
}
