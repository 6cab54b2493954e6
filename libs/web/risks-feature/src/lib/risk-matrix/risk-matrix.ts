import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RISK_RATINGS, RiskMatrix, RiskRating } from '@model-inventory/contracts';
import { RISK_LEVELS } from '@model-inventory/web-risks-data-access';
import { MatrixCell, matrixRows } from './matrix-cells';

export interface MatrixSelection {
  impact: RiskRating;
  likelihood: RiskRating;
}

/**
 * The 5 × 5 heat map of the risks in view, impact × likelihood, each cell coloured by its severity. Clicking a count
 * emits its cell (the page filters the table by it); clicking the chosen cell again emits `null`.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatButton, MatIcon, MatProgressBar],
  selector: 'mi-risk-matrix',
  styleUrl: './risk-matrix.scss',
  templateUrl: './risk-matrix.html',
})
export class RiskMatrixView {
  readonly matrix = input.required<RiskMatrix | null>();
  readonly impact = input<RiskRating | null>(null);
  readonly likelihood = input<RiskRating | null>(null);
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly cellSelected = output<MatrixSelection | null>();

  protected readonly ratings = RISK_RATINGS;
  protected readonly legend = [...RISK_LEVELS];
  protected readonly rows = computed(() => matrixRows(this.matrix(), { impact: this.impact(), likelihood: this.likelihood() }));
  protected readonly rated = computed(() => {
    const matrix = this.matrix();
    return matrix ? matrix.total - matrix.unrated : null;
  });
  protected readonly hasSelection = computed(() => this.impact() !== null || this.likelihood() !== null);

  protected choose(cell: MatrixCell): void {
    this.cellSelected.emit(cell.selected ? null : { impact: cell.impact, likelihood: cell.likelihood });
  }

  protected label(cell: MatrixCell): string {
    const risks = `${cell.count} ${cell.count === 1 ? 'risk' : 'risks'}`;
    const action = cell.selected ? 'Show every cell again' : cell.count > 0 ? 'Show them in the table' : 'None to show';
    return `Impact ${cell.impact}, likelihood ${cell.likelihood}, ${cell.severity} severity: ${risks}. ${action}`;
  }
}
