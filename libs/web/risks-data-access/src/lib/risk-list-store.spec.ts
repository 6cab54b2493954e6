import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ModelRiskLevel, RiskRating } from '@model-inventory/contracts';
import { RiskListStore } from './risk-list-store';
import { aRisk, aRiskMatrix, aRiskSummary } from './testing/risk-fixtures';

@Component({ providers: [RiskListStore], template: '' })
class RisksPage {
  readonly store = inject(RiskListStore);
}

describe(RiskListStore.name, () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ component: RisksPage, path: 'risks' }])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(url: string): Promise<RiskListStore> {
    harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return (harness.routeDebugElement?.componentInstance as RisksPage).store;
  }

  const url = () => decodeURIComponent(TestBed.inject(Router).url);
  const listRequest = (): TestRequest => backend.expectOne((request) => request.url === '/api/modelRisks');
  const matrixRequest = (): TestRequest => backend.expectOne((request) => request.url === '/api/modelRisks/matrix');
  const answerSummary = () => backend.expectOne('/api/modelRisks/summary').flush(aRiskSummary());

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  it('restores the filters, sort and page of a shared link and asks the API for exactly that view', async () => {
    const store = await open('/risks?filter=all&risk_level=Critical&model_id=3&overdue=true&sort=target_date:asc&page=2&size=50');

    const request = listRequest();
    expect(decodeURIComponent(request.request.params.toString())).toBe(
      'filter=all&model_id=3&risk_level=Critical&overdue=true&sort=target_date:asc&limit=50&offset=50',
    );
    request.flush({ items: [aRisk()], limit: 50, offset: 50, total: 51 });
    answerSummary();

    expect(store.filters()).toMatchObject({ filter: 'all', model_id: 3, overdue: true, risk_level: ['Critical'] });
    expect(store.items()).toHaveLength(1);
    expect(store.total()).toBe(51);
    expect(store.summary()?.total).toBe(7);
    expect(store.hasActiveFilters()).toBe(true);
  });

  it('writes a filter change into the URL, back on the first page, and reloads the list', async () => {
    const store = await open('/risks?page=4&sort=owner:asc');
    listRequest().flush({ items: [], limit: 25, offset: 75, total: 80 });
    answerSummary();

    store.setFilters({ owner: 'ada@acme.test', search: 'drift' });
    await settle();

    expect(url()).toBe('/risks?search=drift&owner=ada@acme.test&sort=owner:asc');
    expect(decodeURIComponent(listRequest().request.params.toString())).toBe(
      'search=drift&owner=ada@acme.test&sort=owner:asc&limit=25&offset=0',
    );
  });

  it('lets the summary cards pick one level or the overdue risks, each replacing the other', async () => {
    const store = await open('/risks?risk_level=Low,High');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    answerSummary();

    store.filterOverdue();
    await settle();
    expect(url()).toBe('/risks?overdue=true');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });

    store.filterByLevel(ModelRiskLevel.CRITICAL);
    await settle();
    expect(url()).toBe('/risks?risk_level=Critical');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });

    store.filterByLevel(null);
    await settle();
    expect(url()).toBe('/risks');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
  });

  it('loads the matrix only while it is shown, over the filters but its own cell, and filters the list by a cell', async () => {
    const store = await open('/risks?risk_level=High');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    answerSummary();
    backend.expectNone((request) => request.url === '/api/modelRisks/matrix');

    store.setShowMatrix(true);
    await settle();
    expect(url()).toBe('/risks?risk_level=High&matrix=true');
    matrixRequest().flush(aRiskMatrix({ 'High|Medium': 2 }, 1));
    expect(store.matrix()?.unrated).toBe(1);

    store.selectCell({ impact: RiskRating.HIGH, likelihood: RiskRating.MEDIUM });
    await settle();
    expect(url()).toBe('/risks?risk_level=High&impact=High&likelihood=Medium&matrix=true');
    expect(listRequest().request.params.toString()).toBe('risk_level=High&impact=High&likelihood=Medium&limit=25&offset=0');
    // The matrix does not count with its own cell, so it is not asked again.
    backend.expectNone((request) => request.url === '/api/modelRisks/matrix');

    store.setShowMatrix(false);
    await settle();
    backend.expectNone((request) => request.url === '/api/modelRisks/matrix');
  });

  it('keeps the rows on screen while the next page loads and reports a failure without losing them', async () => {
    const store = await open('/risks');
    listRequest().flush({ items: [aRisk()], limit: 25, offset: 0, total: 30 });
    answerSummary();

    store.setPage(1, 25);
    await settle();
    expect(url()).toBe('/risks?page=2');
    expect(store.loading()).toBe(true);
    expect(store.items()).toHaveLength(1);

    listRequest().flush({ status: 500, title: 'Internal Server Error' }, { status: 500, statusText: 'Error' });
    expect(store.error()).toBe('Internal Server Error');
    expect(store.items()).toHaveLength(1);
  });

  it('clears every filter but keeps the sort, grouping and matrix', async () => {
    const store = await open('/risks?filter=deleted&owner=ada&group=model&sort=owner:desc&matrix=true');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    answerSummary();
    matrixRequest().flush(aRiskMatrix());

    store.clearFilters();
    await settle();
    expect(url()).toBe('/risks?sort=owner:desc&group=model&matrix=true');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    matrixRequest().flush(aRiskMatrix());
  });

  it('fetches the list, the summary and the shown matrix again on reload', async () => {
    const store = await open('/risks?matrix=true');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    answerSummary();
    matrixRequest().flush(aRiskMatrix());

    store.reload();

    listRequest().flush({ items: [aRisk()], limit: 25, offset: 0, total: 1 });
    answerSummary();
    matrixRequest().flush(aRiskMatrix({ 'High|Medium': 1 }));
    expect(store.total()).toBe(1);
    expect(store.reloadCount()).toBe(1);
  });
});
