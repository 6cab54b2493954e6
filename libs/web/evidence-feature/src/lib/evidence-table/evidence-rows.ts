import { EvidenceResponse } from '@model-inventory/contracts';
import { EvidenceGrouping } from '@model-inventory/web-evidence-data-access';
import { byGroupLabel, gatherGroups, GroupHeaderRow, GroupOf, groupedTableRows } from '@model-inventory/web-shared-ui';
import { uploaderName } from '../evidence-format';

export type EvidenceGroupRow = GroupHeaderRow;

export interface EvidenceFileRow {
  kind: 'evidence';
  key: string;
  evidence: EvidenceResponse;
}

export type EvidenceTableRow = EvidenceGroupRow | EvidenceFileRow;

const UNKNOWN = '\u0000unknown';

function groupOf(evidence: EvidenceResponse, grouping: Exclude<EvidenceGrouping, 'none'>): GroupOf {
  switch (grouping) {
    case 'type':
      return { key: evidence.evidence_type, label: evidence.evidence_type };
    case 'model': {
      const { model, provider, version } = evidence.model;
      return { key: String(evidence.model_id), label: `${model} ${version} · ${provider}` };
    }
    case 'uploader':
      // An uploader whose account is gone has no id; those files gather under "Unknown user".
      return { key: evidence.uploaded_by.id === null ? UNKNOWN : String(evidence.uploaded_by.id), label: uploaderName(evidence.uploaded_by) };
  }
}

/**
 * The rows of one page, under a header row per group when a grouping is chosen. Grouping works on the page the API
 * returned. When the API sorted the page by the grouped field (`sortedByGroup`), groups keep that order; otherwise
 * they are ordered by name, "Unknown user" last. Within a group the files keep the API's order.
 */
export function groupEvidenceRows(items: readonly EvidenceResponse[], grouping: EvidenceGrouping, sortedByGroup: boolean): EvidenceTableRow[] {
  const fileRow = (evidence: EvidenceResponse): EvidenceFileRow => ({ evidence, key: `e${evidence.id}`, kind: 'evidence' });
  if (grouping === 'none') {
    return items.map(fileRow);
  }
  const groups = gatherGroups(items, (evidence) => groupOf(evidence, grouping));
  if (!sortedByGroup) {
    groups.sort(byGroupLabel(UNKNOWN));
  }
  return groupedTableRows(groups, fileRow);
}
