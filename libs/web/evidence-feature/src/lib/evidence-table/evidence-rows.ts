import { EvidenceResponse } from '@model-inventory/contracts';
import { EvidenceGrouping } from '@model-inventory/web-evidence-data-access';
import { uploaderName } from '../evidence-format';

export interface EvidenceGroupRow {
  kind: 'group';
  key: string;
  label: string;
  count: number;
}

export interface EvidenceFileRow {
  kind: 'evidence';
  key: string;
  evidence: EvidenceResponse;
}

export type EvidenceTableRow = EvidenceGroupRow | EvidenceFileRow;

const UNKNOWN = '\u0000unknown';

function groupOf(evidence: EvidenceResponse, grouping: Exclude<EvidenceGrouping, 'none'>): { key: string; label: string } {
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
  if (grouping === 'none') {
    return items.map((evidence) => ({ evidence, key: `e${evidence.id}`, kind: 'evidence' }));
  }
  const groups = new Map<string, { label: string; items: EvidenceResponse[] }>();
  for (const evidence of items) {
    const { key, label } = groupOf(evidence, grouping);
    const group = groups.get(key) ?? { items: [], label };
    group.items.push(evidence);
    groups.set(key, group);
  }
  const ordered = [...groups.entries()];
  if (!sortedByGroup) {
    ordered.sort(([keyA, a], [keyB, b]) => (keyA === UNKNOWN || keyB === UNKNOWN ? Number(keyA === UNKNOWN) - Number(keyB === UNKNOWN) : a.label.localeCompare(b.label)));
  }
  return ordered.flatMap(([key, group]) => [
    { count: group.items.length, key: `g${key}`, kind: 'group' as const, label: group.label },
    ...group.items.map((evidence) => ({ evidence, key: `g${key}-e${evidence.id}`, kind: 'evidence' as const })),
  ]);
}
