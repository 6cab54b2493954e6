import { ModelRiskResponse } from '@model-inventory/contracts';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, RiskGrouping } from '@model-inventory/web-risks-data-access';
import { modelLabel } from '../risk-details';

export interface GroupRow {
  kind: 'group';
  key: string;
  label: string;
  count: number;
  /** Set when grouping by level or status, so the header can show the chip. */
  chip: string | null;
}

export interface RiskRow {
  kind: 'risk';
  key: string;
  risk: ModelRiskResponse;
}

export type TableRow = GroupRow | RiskRow;

interface Group {
  label: string;
  /** Where the group sorts: levels most severe first, statuses in workflow order, the rest by label. */
  rank: number;
  chip: string | null;
  risks: ModelRiskResponse[];
}

/**
 * Rows of one page, grouped under header rows when a grouping is chosen. Grouping works on the page the API
 * returned (sorting and paging stay server-side).
 */
export function groupRiskRows(risks: readonly ModelRiskResponse[], grouping: RiskGrouping): TableRow[] {
  if (grouping === 'none') {
    return risks.map((risk) => ({ key: `r${risk.id}`, kind: 'risk', risk }));
  }
  const groups = new Map<string, Group>();
  for (const risk of risks) {
    const { chip, key, label, rank } = groupOf(risk, grouping);
    const group = groups.get(key) ?? { chip, label, rank, risks: [] };
    group.risks.push(risk);
    groups.set(key, group);
  }
  const ordered = [...groups.entries()].sort(([, a], [, b]) => a.rank - b.rank || a.label.localeCompare(b.label));
  return ordered.flatMap(([key, group]) => [
    { chip: group.chip, count: group.risks.length, key: `g${key}`, kind: 'group' as const, label: group.label },
    ...group.risks.map((risk) => ({ key: `g${key}-r${risk.id}`, kind: 'risk' as const, risk })),
  ]);
}

function groupOf(risk: ModelRiskResponse, grouping: Exclude<RiskGrouping, 'none'>): Omit<Group, 'risks'> & { key: string } {
  switch (grouping) {
    case 'level':
      return { chip: risk.risk_level, key: risk.risk_level, label: risk.risk_level, rank: -RISK_LEVELS.indexOf(risk.risk_level) };
    case 'status':
      return { chip: risk.status, key: risk.status, label: risk.status, rank: RISK_STATUSES.indexOf(risk.status) };
    case 'category':
      return { chip: null, key: risk.risk_category, label: risk.risk_category, rank: RISK_CATEGORIES.indexOf(risk.risk_category) };
    case 'model':
      return { chip: null, key: String(risk.model_id), label: `${modelLabel(risk.model)} · ${risk.model.provider}`, rank: 0 };
    case 'owner':
      return { chip: null, key: risk.owner.toLowerCase(), label: risk.owner, rank: 0 };
  }
}
