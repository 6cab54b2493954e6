import { MlflowModelListQuery } from '@model-inventory/contracts';

export const MLFLOW_PAGE_SIZES = [25, 50, 100];

/** What the MLflow tab lists: the filters, the page, and a revision that forces a reload. */
export interface MlflowTabQuery {
  search: string;
  stage: string | null;
  showRemoved: boolean;
  limit: number;
  offset: number;
  revision: number;
}

export const INITIAL_MLFLOW_QUERY: MlflowTabQuery = { limit: MLFLOW_PAGE_SIZES[1], offset: 0, revision: 0, search: '', showRemoved: false, stage: null };

/** The API query: versions removed upstream are left out unless asked for. */
export function toListQuery({ limit, offset, search, showRemoved, stage }: MlflowTabQuery): MlflowModelListQuery {
  return { limit, offset, removed: showRemoved ? undefined : false, search: search.trim() || undefined, stage: stage ?? undefined };
}
