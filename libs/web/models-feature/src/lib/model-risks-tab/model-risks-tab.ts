import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, OnInit, output, signal, Type } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

/**
 * The model dialog's Risks tab. The risks of a model are the Risks tab's business (`web-risks-feature`, a lazy
 * chunk): its `ModelRisks` panel is loaded the first time this tab opens and drawn here with the model's id.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar, NgComponentOutlet],
  selector: 'mi-model-risks-tab',
  styles: ':host { display: block; } .error { color: var(--mat-sys-error); font: var(--mat-sys-body-medium); }',
  template: `
    @if (panel(); as panel) {
      <ng-container *ngComponentOutlet="panel; inputs: inputs()" />
    } @else if (failed()) {
      <p class="error" role="alert">The risks could not be loaded. Reload the page and try again.</p>
    } @else {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the model's risks" />
    }
  `,
})
export class ModelRisksTab implements OnInit {
  readonly modelId = input.required<number>();
  /** A risk of the model was raised, changed, deleted or restored. */
  readonly changed = output<void>();

  protected readonly panel = signal<Type<unknown> | null>(null);
  protected readonly failed = signal(false);
  protected readonly inputs = computed(() => ({ changed: () => this.changed.emit(), modelId: this.modelId() }));

  ngOnInit(): void {
    import('@model-inventory/web-risks-feature').then(
      (risks) => this.panel.set(risks.ModelRisks),
      () => this.failed.set(true),
    );
  }
}
