import { Injectable } from '@nestjs/common';
import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, ModelRiskSummary, RISK_RATINGS, RiskMatrix } from '@model-inventory/contracts';
import { ModelRiskFilterDto } from './dto/model-risk-query.dto';
import { todayUtc } from './risks.mapper';
import { RisksRepository } from './risks.repository';

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The at-a-glance views of the register: the summary cards and the impact × likelihood matrix. */
@Injectable()
export class RiskViewsService {
  constructor(private readonly risks: RisksRepository) {}

  /** Active risks, every bucket present (zeros included). */
  async summary(): Promise<ModelRiskSummary> {
    const summary: ModelRiskSummary = {
      total: 0,
      overdue: 0,
      by_level: zeros(Object.values(ModelRiskLevel)),
      by_status: zeros(Object.values(ModelRiskStatus)),
      by_category: zeros(Object.values(ModelRiskCategory)),
    };
    for (const { dimension, bucket, count } of await this.risks.countActive(todayUtc())) {
      if (dimension === 'level') {
        summary.by_level[bucket as ModelRiskLevel] = count;
        summary.total += count;
      } else if (dimension === 'status') summary.by_status[bucket as ModelRiskStatus] = count;
      else if (dimension === 'category') summary.by_category[bucket as ModelRiskCategory] = count;
      else if (bucket === 'yes') summary.overdue = count;
    }
    return summary;
  }

  /** The 5 × 5 cells of the filtered view, impact-major, zeros included; risks missing a rating are `unrated`. */
  async matrix(filter: ModelRiskFilterDto): Promise<RiskMatrix> {
    const counts = await this.risks.countByRating(filter, todayUtc());
    const cells = RISK_RATINGS.flatMap((impact) =>
      RISK_RATINGS.map((likelihood) => ({ impact, likelihood, count: counts.find((c) => c.impact === impact && c.likelihood === likelihood)?.count ?? 0 })),
    );
    const unrated = counts.filter((c) => c.impact === null || c.likelihood === null).reduce((sum, c) => sum + c.count, 0);
    return { cells, unrated, total: unrated + cells.reduce((sum, c) => sum + c.count, 0) };
  }
}
