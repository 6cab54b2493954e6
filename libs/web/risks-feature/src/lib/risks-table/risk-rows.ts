import { ModelRiskResponse } from '@model-inventory/contracts';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, RiskGrouping } from '@model-inventory/web-risks-data-access';
import { gatherGroups, GroupHeaderRow, GroupOf, groupedTableRows } from '@model-inventory/web-shared-ui';
import { modelLabel } from '../risk-details';

export interface GroupRow extends GroupHeaderRow {
  /** Set when grouping by level or status, so the header can show the chip. */
  chip: string | null;
}

export interface RiskRow {
  kind: 'risk';
  key: string;
  risk: ModelRiskResponse;
}

export type TableRow = GroupRow | RiskRow;

interface Group extends GroupOf<Pick<GroupRow, 'chip'>> {
  /** Where the group sorts: levels most severe first, statuses in workflow order, the rest by label. */
  rank: number;
}

/**
 * Rows of one page, grouped under header rows when a grouping is chosen. Grouping works on the page the API
 * returned (sorting and paging stay server-side).
 */
export function groupRiskRows(risks: readonly ModelRiskResponse[], grouping: RiskGrouping): TableRow[] {
  const riskRow = (risk: ModelRiskResponse): RiskRow => ({ key: `r${risk.id}`, kind: 'risk', risk });
  if (grouping === 'none') {
    return risks.map(riskRow);
  }
  const rank = (risk: ModelRiskResponse) => groupOf(risk, grouping).rank;
  const groups = gatherGroups(risks, (risk) => groupOf(risk, grouping));
  groups.sort((a, b) => rank(a.items[0]) - rank(b.items[0]) || a.label.localeCompare(b.label));
  return groupedTableRows(groups, riskRow);
}

function groupOf(risk: ModelRiskResponse, grouping: Exclude<RiskGrouping, 'none'>): Group {
  const chip = (value: string) => ({ header: { chip: value }, key: value, label: value });
  const plain = (key: string, label: string) => ({ header: { chip: null }, key, label });
  switch (grouping) {
    case 'level':
      return { ...chip(risk.risk_level), rank: -RISK_LEVELS.indexOf(risk.risk_level) };
    case 'status':
      return { ...chip(risk.status), rank: RISK_STATUSES.indexOf(risk.status) };
    case 'category':
      return { ...plain(risk.risk_category, risk.risk_category), rank: RISK_CATEGORIES.indexOf(risk.risk_category) };
    case 'model':
      return { ...plain(String(risk.model_id), `${modelLabel(risk.model)} · ${risk.model.provider}`), rank: 0 };
    case 'owner':
      return { ...plain(risk.owner.toLowerCase(), risk.owner), rank: 0 };
  }
}
