import { ModelInventoryResponse, ModelStatus } from '@model-inventory/contracts';
import { MODEL_STATUSES, ModelGrouping } from '@model-inventory/web-inventory-data-access';

export interface GroupRow {
  kind: 'group';
  key: string;
  label: string;
  count: number;
  /** Set when grouping by status, so the header can show the status chip. */
  status: ModelStatus | null;
}

export interface ModelRow {
  kind: 'model';
  key: string;
  model: ModelInventoryResponse;
}

export type TableRow = GroupRow | ModelRow;

export interface LinkNames {
  projects: ReadonlyMap<number, string>;
  frameworks: ReadonlyMap<number, string>;
}

const NONE = '\u0000none';

/**
 * Rows of one page, grouped under header rows when a grouping is chosen. Grouping works on the
 * page the API returned (it does not regroup the whole register); a model linked to several
 * projects or frameworks appears under each of them.
 */
export function groupRows(models: readonly ModelInventoryResponse[], grouping: ModelGrouping, names: LinkNames): TableRow[] {
  if (grouping === 'none') {
    return models.map((model) => ({ key: `m${model.id}`, kind: 'model', model }));
  }
  const groups = new Map<string, { label: string; models: ModelInventoryResponse[]; status: ModelStatus | null }>();
  const add = (key: string, label: string, model: ModelInventoryResponse, status: ModelStatus | null = null) => {
    const group = groups.get(key) ?? { label, models: [], status };
    group.models.push(model);
    groups.set(key, group);
  };
  for (const model of models) {
    switch (grouping) {
      case 'status':
        add(model.status, model.status, model, model.status);
        break;
      case 'provider':
        add(model.provider.toLowerCase(), model.provider, model);
        break;
      case 'project':
      case 'framework': {
        const ids = grouping === 'project' ? model.projects : model.frameworks;
        const lookup = grouping === 'project' ? names.projects : names.frameworks;
        if (ids.length === 0) {
          add(NONE, grouping === 'project' ? 'No project' : 'No framework', model);
        }
        for (const id of ids) {
          add(String(id), lookup.get(id) ?? `#${id}`, model);
        }
        break;
      }
    }
  }
  const ordered = [...groups.entries()].sort(([keyA, a], [keyB, b]) => {
    if (grouping === 'status') {
      return MODEL_STATUSES.indexOf(keyA as ModelStatus) - MODEL_STATUSES.indexOf(keyB as ModelStatus);
    }
    if (keyA === NONE || keyB === NONE) {
      return keyA === NONE ? 1 : -1;
    }
    return a.label.localeCompare(b.label);
  });
  return ordered.flatMap(([key, group]) => [
    { count: group.models.length, key: `g${key}`, kind: 'group' as const, label: group.label, status: group.status },
    ...group.models.map((model) => ({ key: `g${key}-m${model.id}`, kind: 'model' as const, model })),
  ]);
}
