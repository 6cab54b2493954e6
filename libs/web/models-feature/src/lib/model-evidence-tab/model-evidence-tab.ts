import { AfterViewInit, ChangeDetectionStrategy, Component, input, signal, viewChild, ViewContainerRef } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

/**
 * The model dialog's Evidence tab. Evidence files are the Evidence tab's business (`web-evidence-feature`, a lazy
 * chunk): its `ModelEvidence` panel (list, download, remove, upload) is loaded the first time this tab opens.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar],
  selector: 'mi-model-evidence-tab',
  styles: ':host { display: block; } .error { color: var(--mat-sys-error); font: var(--mat-sys-body-medium); }',
  template: `
    <ng-container #panel />
    @if (state() === 'loading') {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the model's evidence" />
    } @else if (state() === 'failed') {
      <p class="error" role="alert">The evidence could not be loaded. Reload the page and try again.</p>
    }
  `,
})
export class ModelEvidenceTab implements AfterViewInit {
  readonly modelId = input.required<number>();

  private readonly panel = viewChild.required('panel', { read: ViewContainerRef });
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');

  ngAfterViewInit(): void {
    import('@model-inventory/web-evidence-feature').then(
      (evidence) => {
        this.panel().createComponent(evidence.ModelEvidence).setInput('modelId', this.modelId());
        this.state.set('ready');
      },
      () => this.state.set('failed'),
    );
  }
}
