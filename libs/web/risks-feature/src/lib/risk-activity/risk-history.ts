import { ModelRiskLevel, ModelRiskStatus } from '@model-inventory/contracts';
import { HistoryVocabulary } from '@model-inventory/web-history-ui';
import { formatDate, RISK_FIELD_LABELS } from '../risk-details';

const CHIPS = new Set<string>([...Object.values(ModelRiskLevel), ...Object.values(ModelRiskStatus)]);
const DELETED_WITH_MODEL = /deleted with model (\d+)/;

/** How a risk's change history reads on the Activity tab. */
export const RISK_HISTORY: HistoryVocabulary = {
  created: 'raised this risk',
  deleted: 'deleted this risk',
  empty: 'No changes recorded for this risk yet.',
  formatValue: (field, raw) => {
    if ((field === 'status' || field === 'risk_level') && CHIPS.has(raw)) {
      return { chip: raw };
    }
    if (field === 'target_date') {
      return formatDate(raw);
    }
    return undefined;
  },
  labels: RISK_FIELD_LABELS,
  note: (action, rows) => {
    const cascade = rows.map((row) => DELETED_WITH_MODEL.exec(row.new_value ?? '')).find(Boolean);
    return action === 'deleted' && cascade ? `Deleted together with its model (#${cascade[1]}).` : null;
  },
  restored: 'restored this risk',
};
