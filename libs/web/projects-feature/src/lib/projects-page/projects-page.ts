import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { FrameworkResponse, ProjectResponse, WRITER_ROLES } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { ProjectsApi } from '@model-inventory/web-projects-data-access';
import { confirmAction, EmptyState } from '@model-inventory/web-shared-ui';
import { catchError, combineLatest, filter, forkJoin, map, Observable, of, startWith, switchMap } from 'rxjs';
import { ProjectDialog, ProjectDialogData } from '../project-dialog/project-dialog';

/** A project as the page lists it: with its frameworks' names and how many models link to it. */
export interface ProjectRow {
  project: ProjectResponse;
  frameworkNames: string[];
  /** `null` when the count could not be loaded. */
  modelCount: number | null;
}

type ProjectsState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; rows: ProjectRow[]; frameworks: FrameworkResponse[] };

const READ_COLUMNS = ['name', 'description', 'frameworks', 'models'];

/** Settings › Projects: the organisation's projects; writers create, edit, link frameworks and delete. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, MatButton, MatIcon, MatIconButton, MatProgressBar, MatTableModule, MatTooltip],
  selector: 'mi-projects-page',
  styleUrl: './projects-page.scss',
  templateUrl: './projects-page.html',
})
export class ProjectsPage {
  private readonly api = inject(ProjectsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly auth = inject(AuthStore);

  protected readonly canWrite = computed(() => {
    const role = this.auth.user()?.role;
    return !!role && WRITER_ROLES.includes(role);
  });
  protected readonly columns = computed(() => (this.canWrite() ? [...READ_COLUMNS, 'actions'] : READ_COLUMNS));
  protected readonly busyProjectId = signal<number | null>(null);
  private readonly revision = signal(0);
  protected readonly state = toSignal(
    toObservable(this.revision).pipe(
      switchMap(() =>
        this.load().pipe(
          catchError(() => of<ProjectsState>({ status: 'error' })),
          startWith<ProjectsState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as ProjectsState },
  );

  protected create(frameworks: FrameworkResponse[]): void {
    this.openDialog({ frameworks }, (project) => `Project "${project.name}" was created.`);
  }

  protected edit(row: ProjectRow, frameworks: FrameworkResponse[]): void {
    this.openDialog({ frameworks, project: row.project }, (project) => `Project "${project.name}" was saved.`);
  }

  /** The API deletes a project that models use (they lose the link), so the console says how many first. */
  protected remove({ modelCount, project }: ProjectRow): void {
    const usage =
      modelCount === null
        ? 'Models linked to it lose the link.'
        : modelCount === 0
          ? 'No model is linked to it.'
          : `${modelCount} ${modelCount === 1 ? 'model is' : 'models are'} linked to it and will lose the link; the models themselves stay.`;
    confirmAction(this.dialog, {
      confirmLabel: 'Delete project',
      destructive: true,
      message: `${usage} This cannot be undone.`,
      title: `Delete project "${project.name}"?`,
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busyProjectId.set(project.id);
          return this.api.remove(project.id);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        error: () => this.busyProjectId.set(null),
        next: () => {
          this.busyProjectId.set(null);
          this.snackBar.open(`Project "${project.name}" was deleted.`, undefined, { duration: 4000 });
          this.refresh();
        },
      });
  }

  private openDialog(data: ProjectDialogData, message: (project: ProjectResponse) => string): void {
    this.dialog
      .open<ProjectDialog, ProjectDialogData, ProjectResponse>(ProjectDialog, { autoFocus: 'first-tabbable', data, disableClose: true, width: '560px' })
      .afterClosed()
      .pipe(
        filter((project): project is ProjectResponse => !!project),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((project) => {
        this.snackBar.open(message(project), undefined, { duration: 4000 });
        this.refresh();
      });
  }

  private load(): Observable<ProjectsState> {
    return combineLatest([this.api.list(), this.api.frameworks()]).pipe(
      switchMap(([projects, frameworks]) => {
        const counts = projects.map((project) => this.api.modelCount(project.id).pipe(catchError(() => of(null))));
        return (counts.length > 0 ? forkJoin(counts) : of([] as (number | null)[])).pipe(
          map((modelCounts): ProjectsState => ({
            frameworks,
            rows: projects.map((project, index) => ({
              frameworkNames: frameworks.filter((framework) => project.frameworks.includes(framework.id)).map((framework) => framework.name),
              modelCount: modelCounts[index] ?? null,
              project,
            })),
            status: 'ready',
          })),
        );
      }),
    );
  }

  private refresh(): void {
    this.revision.update((revision) => revision + 1);
  }
}
