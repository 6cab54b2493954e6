import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ModelListPrefetch } from './model-list-prefetch';
import { toListQuery, viewFromQueryParams } from './model-list-view';

@Component({ template: '' })
class Blank {}

describe(ModelListPrefetch.name, () => {
  let backend: HttpTestingController;
  let prefetch: ModelListPrefetch;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ component: Blank, path: '**' }])],
    });
    backend = TestBed.inject(HttpTestingController);
    prefetch = TestBed.inject(ModelListPrefetch);
  });

  afterEach(() => backend.verify());

  const queryOf = (params: Record<string, string>) => toListQuery(viewFromQueryParams(params));

  it('sends both requests at once and hands each answer over once, even when it came before anyone asked', async () => {
    prefetch.start({ search: 'gpt' });
    const list = backend.expectOne((request) => request.url === '/api/modelInventory');
    expect(list.request.params.get('search')).toBe('gpt');
    list.flush({ items: [], limit: 25, offset: 0, total: 7 });
    backend.expectOne('/api/modelInventoryHistory/current-counts?parameter=status').flush({ counts: {}, demo_models: 0, parameter: 'status' });

    const page = prefetch.takePage(queryOf({ search: 'gpt' }));
    expect(page).not.toBeNull();
    expect((await firstValueFrom(page!)).total).toBe(7);
    expect(prefetch.takePage(queryOf({ search: 'gpt' }))).toBeNull();
    expect(prefetch.takeCounts()).not.toBeNull();
    expect(prefetch.takeCounts()).toBeNull();
  });

  it('does not hand over a page asked for another view', () => {
    prefetch.start({ search: 'gpt' });
    backend.match(() => true).forEach((request) => request.flush({}));
    expect(prefetch.takePage(queryOf({ search: 'llama' }))).toBeNull();
  });

  it('keeps the answers through the first navigation and drops them when the next one starts', async () => {
    prefetch.start({});
    backend.match(() => true).forEach((request) => request.flush({}));
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/model-inventory/models');
    expect(prefetch.takeCounts()).not.toBeNull();

    await router.navigateByUrl('/model-inventory/risks');
    expect(prefetch.takePage(queryOf({}))).toBeNull();
  });

  it('drops the answers when the first navigation is turned away (to sign in, say)', async () => {
    prefetch.start({});
    backend.match(() => true).forEach((request) => request.flush({}));
    const router = TestBed.inject(Router);
    router.resetConfig([{ canActivate: [() => false], component: Blank, path: '**' }]);
    await router.navigateByUrl('/model-inventory/models');
    expect(prefetch.takePage(queryOf({}))).toBeNull();
    expect(prefetch.takeCounts()).toBeNull();
  });

  describe('with the requests of index.html\'s first-screen script', () => {
    type Handoff = { miFirstScreen?: unknown };
    const page = { items: [], limit: 25, offset: 0, total: 3 };
    const counts = { counts: { Pending: 3 }, demo_models: 0, parameter: 'status' };
    /** What apps/web/src/first-screen/first-screen.js leaves for the console: its two requests for the default view. */
    const handOver = (listBody: unknown, countsBody: unknown = counts) => {
      (window as Handoff).miFirstScreen = {
        counts: { body: Promise.resolve(countsBody), query: { parameter: 'status' } },
        list: { body: Promise.resolve(listBody), query: { limit: 25, offset: 0 } },
      };
    };
    afterEach(() => delete (window as Handoff).miFirstScreen);

    it('answers from them instead of asking again: the script asks for exactly what the default view needs', async () => {
      handOver(page);
      prefetch.start({});
      expect((await firstValueFrom(prefetch.takePage(queryOf({}))!)).total).toBe(3);
      expect((await firstValueFrom(prefetch.takeCounts()!)).counts).toEqual({ Pending: 3 });
      backend.expectNone(() => true);
      expect((window as Handoff).miFirstScreen).toBeUndefined();
    });

    it('asks itself for what failed or was refused there (a 401 then reaches the console as usual)', async () => {
      handOver(null);
      prefetch.start({});
      const answer = firstValueFrom(prefetch.takePage(queryOf({}))!);
      await Promise.resolve();
      backend.expectOne((request) => request.url === '/api/modelInventory').flush(page);
      expect((await answer).total).toBe(3);
      expect((await firstValueFrom(prefetch.takeCounts()!)).counts).toEqual({ Pending: 3 });
    });

    it('asks itself for another view than the one the script asked for', () => {
      handOver(page);
      prefetch.start({ search: 'gpt' });
      backend.expectOne((request) => request.url === '/api/modelInventory' && request.params.get('search') === 'gpt').flush(page);
      backend.expectNone('/api/modelInventoryHistory/current-counts?parameter=status');
    });
  });
});
