import { AfterViewInit, ChangeDetectionStrategy, Component, input, output, signal, viewChild, ViewContainerRef } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

/**
 * The model dialog's Risks tab. The risks of a model are the Risks tab's business (`web-risks-feature`, a lazy
 * chunk): its `ModelRisks` panel is loaded the first time this tab opens and created here with the model's id.
 * (Created through the view container rather than `NgComponentOutlet`, which would add ~2 kB to the initial bundle.)
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar],
  selector: 'mi-model-risks-tab',
  styles: ':host { display: block; } .error { color: var(--mat-sys-error); font: var(--mat-sys-body-medium); }',
  template: `
    <ng-container #panel />
    @if (state() === 'loading') {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the model's risks" />
    } @else if (state() === 'failed') {
      <p class="error" role="alert">The risks could not be loaded. Reload the page and try again.</p>
    }
  `,
})
export class ModelRisksTab implements AfterViewInit {
  readonly modelId = input.required<number>();
  /** A risk of the model was raised, changed, deleted or restored. */
  readonly changed = output<void>();

  private readonly panel = viewChild.required('panel', { read: ViewContainerRef });
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');

  ngAfterViewInit(): void {
    import('@model-inventory/web-risks-feature').then(
      (risks) => {
        const panel = this.panel().createComponent(risks.ModelRisks);
        panel.setInput('modelId', this.modelId());
        panel.setInput('changed', () => this.changed.emit());
        this.state.set('ready');
      },
      () => this.state.set('failed'),
    );
  }
}
