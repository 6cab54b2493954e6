import { inject, Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FrameworkResponse, ProjectResponse } from '@model-inventory/contracts';
import { ModelListView, ReferenceDataApi } from '@model-inventory/web-inventory-data-access';
import { catchError, combineLatest, first, map, of, switchMap } from 'rxjs';
import { ModelColumnKey } from '../model-columns';

export interface ReferenceLists {
  projects: ProjectResponse[];
  frameworks: FrameworkResponse[];
}

/** Whether the view shows project or framework names: a column, the grouping or an active filter of them. */
export function needsReferenceData(view: ModelListView, visibleColumns: readonly ModelColumnKey[]): boolean {
  return (
    view.filters.project_id !== null ||
    view.filters.framework_id !== null ||
    view.groupBy === 'project' ||
    view.groupBy === 'framework' ||
    visibleColumns.some((key) => key === 'projects' || key === 'frameworks')
  );
}

/**
 * Projects and frameworks, fetched the first time `needed` is true and empty until then: the first screen of the
 * Models tab does not show them, so a first load does not wait for (or count) their requests. Call in an injection
 * context.
 */
export function loadReferenceListsWhen(needed: Signal<boolean>): Signal<ReferenceLists> {
  const referenceData = inject(ReferenceDataApi);
  return toSignal(
    toObservable(needed).pipe(
      first(Boolean),
      switchMap(() =>
        combineLatest([
          referenceData.projects().pipe(catchError(() => of<ProjectResponse[]>([]))),
          referenceData.frameworks().pipe(catchError(() => of<FrameworkResponse[]>([]))),
        ]),
      ),
      map(([projects, frameworks]) => ({ frameworks, projects })),
    ),
    { initialValue: { frameworks: [], projects: [] } },
  );
}
