import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Page, UserResponse } from '@model-inventory/contracts';
import { UsersApi } from '@model-inventory/web-core';
import { catchError, map, of, startWith, switchMap } from 'rxjs';

type UsersState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; page: Page<UserResponse> };

const PAGE_SIZE_OPTIONS = [10, 25, 50];

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
  ],
  selector: 'mi-users-table',
  styleUrl: './users-table.scss',
  templateUrl: './users-table.html',
})
export class UsersTable {
  private readonly usersApi = inject(UsersApi);

  protected readonly columns = ['name', 'email', 'role', 'created_at'];
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly query = signal({ limit: PAGE_SIZE_OPTIONS[0], offset: 0 });
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap((query) =>
        this.usersApi.list(query).pipe(
          map((page): UsersState => ({ page, status: 'ready' })),
          catchError(() => of<UsersState>({ status: 'error' })),
          startWith<UsersState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as UsersState },
  );

  protected changePage(event: PageEvent): void {
    this.query.set({ limit: event.pageSize, offset: event.pageIndex * event.pageSize });
  }
}
