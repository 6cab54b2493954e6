import { ModelInventoryResponse, ModelStatus } from '@model-inventory/contracts';
import { MODEL_STATUSES, ModelGrouping } from '@model-inventory/web-inventory-data-access';
import { byGroupLabel, gatherGroups, GroupHeaderRow, GroupOf, groupedTableRows } from '@model-inventory/web-shared-ui';

export interface GroupRow extends GroupHeaderRow {
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

type ModelGroup = GroupOf<Pick<GroupRow, 'status'>>;

/**
 * Rows of one page, grouped under header rows when a grouping is chosen. Grouping works on the
 * page the API returned (it does not regroup the whole register); a model linked to several
 * projects or frameworks appears under each of them.
 */
export function groupRows(models: readonly ModelInventoryResponse[], grouping: ModelGrouping, names: LinkNames): TableRow[] {
  const modelRow = (model: ModelInventoryResponse): ModelRow => ({ key: `m${model.id}`, kind: 'model', model });
  if (grouping === 'none') {
    return models.map(modelRow);
  }
  const groups = gatherGroups(models, (model): ModelGroup | ModelGroup[] => {
    switch (grouping) {
      case 'status':
        return { header: { status: model.status }, key: model.status, label: model.status };
      case 'provider':
        return { header: { status: null }, key: model.provider.toLowerCase(), label: model.provider };
      case 'project':
      case 'framework': {
        const ids = grouping === 'project' ? model.projects : model.frameworks;
        const lookup = grouping === 'project' ? names.projects : names.frameworks;
        if (ids.length === 0) {
          return { header: { status: null }, key: NONE, label: grouping === 'project' ? 'No project' : 'No framework' };
        }
        return ids.map((id) => ({ header: { status: null }, key: String(id), label: lookup.get(id) ?? `#${id}` }));
      }
    }
  });
  groups.sort(
    grouping === 'status'
      ? (a, b) => MODEL_STATUSES.indexOf(a.key as ModelStatus) - MODEL_STATUSES.indexOf(b.key as ModelStatus)
      : byGroupLabel(NONE),
  );
  return groupedTableRows(groups, modelRow);
}
