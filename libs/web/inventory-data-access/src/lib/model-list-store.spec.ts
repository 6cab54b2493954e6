import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ModelStatus } from '@model-inventory/contracts';
import { ModelListPrefetch } from './model-list-prefetch';
import { ModelListStore } from './model-list-store';
import { aModel } from './testing/model-fixtures';

@Component({ providers: [ModelListStore], template: '' })
class ModelsPage {
  readonly store = inject(ModelListStore);
}

describe(ModelListStore.name, () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ component: ModelsPage, path: 'models' }])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(url: string): Promise<ModelListStore> {
    harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return (harness.routeDebugElement?.componentInstance as ModelsPage).store;
  }

  function listRequest(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/modelInventory');
  }

  function answerCounts(): void {
    backend
      .expectOne('/api/modelInventoryHistory/current-counts?parameter=status')
      .flush({ counts: { Approved: 3, Blocked: 1, Pending: 2, Restricted: 0 }, demo_models: 0, parameter: 'status' });
  }

  it('restores the filters, sort and page of a shared link and asks the API for exactly that view', async () => {
    const store = await open('/models?status=Approved,Blocked&search=gpt&sort=model:desc&page=3&size=50&include_demo=false');

    const request = listRequest();
    expect(request.request.params.toString()).toBe(
      'search=gpt&status=Approved,Blocked&include_demo=false&sort=model:desc&limit=50&offset=100',
    );
    request.flush({ items: [aModel()], limit: 50, offset: 100, total: 101 });
    answerCounts();

    expect(store.filters()).toMatchObject({ include_demo: false, search: 'gpt', status: ['Approved', 'Blocked'] });
    expect(store.sort()).toEqual({ direction: 'desc', field: 'model' });
    expect(store.items()).toHaveLength(1);
    expect(store.total()).toBe(101);
    expect(store.totalCount()).toBe(6);
    expect(store.hasActiveFilters()).toBe(true);
  });

  it('writes a filter change into the URL, back on the first page, and reloads the list', async () => {
    const store = await open('/models?page=4&sort=provider:asc');
    listRequest().flush({ items: [], limit: 25, offset: 75, total: 80 });
    answerCounts();

    store.setFilters({ provider: 'OpenAI', security_assessment: true });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/models?provider=OpenAI&security_assessment=true&sort=provider:asc');
    expect(listRequest().request.params.toString()).toBe(
      'provider=OpenAI&security_assessment=true&sort=provider:asc&limit=25&offset=0',
    );
  });

  it('keeps the rows on screen while the next page loads and reports a failure without losing them', async () => {
    const store = await open('/models');
    listRequest().flush({ items: [aModel()], limit: 25, offset: 0, total: 30 });
    answerCounts();

    store.setPage(1, 25);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/models?page=2');
    expect(store.loading()).toBe(true);
    expect(store.items()).toHaveLength(1);

    listRequest().flush({ status: 500, title: 'Internal Server Error' }, { status: 500, statusText: 'Error' });
    expect(store.error()).toBe('Internal Server Error');
    expect(store.items()).toHaveLength(1);
  });

  it('filters by a single status, and clears it again', async () => {
    const store = await open('/models?status=Pending,Blocked');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    answerCounts();

    store.filterByStatus(ModelStatus.APPROVED);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/models?status=Approved');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });

    store.filterByStatus(null);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/models');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
  });

  it('fetches the list and the counts again on reload', async () => {
    const store = await open('/models');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    answerCounts();

    store.reload();

    listRequest().flush({ items: [aModel()], limit: 25, offset: 0, total: 1 });
    answerCounts();
    expect(store.total()).toBe(1);
  });

  it('shows a first page and counts prefetched at start-up without asking for them again, and asks on reload', async () => {
    TestBed.inject(ModelListPrefetch).start({ status: 'Approved' });
    backend.expectOne((request) => request.url === '/api/modelInventory').flush({ items: [aModel()], limit: 25, offset: 0, total: 1 });
    answerCounts();

    const store = await open('/models?status=Approved');
    backend.expectNone((request) => request.url.startsWith('/api/'));
    expect(store.items()).toHaveLength(1);
    expect(store.totalCount()).toBe(6);

    store.reload();
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    answerCounts();
    expect(store.total()).toBe(0);
  });

  it('asks for its own page when the prefetched one was for another view', async () => {
    TestBed.inject(ModelListPrefetch).start({ status: 'Approved' });
    backend.expectOne((request) => request.url === '/api/modelInventory').flush({ items: [aModel()], limit: 25, offset: 0, total: 1 });
    answerCounts();

    const store = await open('/models?status=Blocked');
    expect(listRequest().request.params.get('status')).toBe('Blocked');
    expect(store.loading()).toBe(true);
  });
});
