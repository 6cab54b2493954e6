import { ChangeDetectorRef, effect, inject, Signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';

/**
 * Marks an OnPush field for checking on every event of its control. Its messages read `errors`, which no signal
 * reports: a server error that replaces another leaves the control's status (a signal) unchanged.
 */
export function checkOnControlEvents(control: Signal<AbstractControl>): void {
  const changeDetector = inject(ChangeDetectorRef);
  effect((onCleanup) => {
    const subscription = control().events.subscribe(() => changeDetector.markForCheck());
    onCleanup(() => subscription.unsubscribe());
  });
}
