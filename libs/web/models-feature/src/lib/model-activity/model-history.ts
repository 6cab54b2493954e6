import { ModelStatus } from '@model-inventory/contracts';
import { HistoryVocabulary } from '@model-inventory/web-history-ui';
import { fromIsoDate } from '../model-form/model-form-group';
import { MODEL_FIELD_LABELS } from '../model-fields';

const STATUSES = new Set<string>(Object.values(ModelStatus));

/** How a model's change history reads on the Activity tab. */
export const MODEL_HISTORY: HistoryVocabulary = {
  created: 'registered this model',
  deleted: 'deleted this model',
  empty: 'No changes recorded for this model yet.',
  formatValue: (field, raw) => {
    if (field === 'status' && STATUSES.has(raw)) {
      return { chip: raw };
    }
    if (field === 'security_assessment') {
      return raw === 'true' ? 'Done' : raw === 'false' ? 'Not done' : raw;
    }
    if (field === 'status_date') {
      const date = fromIsoDate(raw);
      return date ? date.toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' }) : raw;
    }
    return undefined;
  },
  labels: MODEL_FIELD_LABELS,
  restored: 'restored this model',
};
