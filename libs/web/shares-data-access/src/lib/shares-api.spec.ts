import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { PublicShareApi, sharedViewFailure } from './public-share-api';
import { SharesApi } from './shares-api';
import { aCreatedShareLink, aShareLink, aSharedView } from './testing/share-fixtures';

describe('share link APIs', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  describe(SharesApi.name, () => {
    it('creates a link with the filters as given and hands back its token and url', async () => {
      const request = { allow_export: true, fields: 'summary' as const, filters: { provider: 'OpenAI', status: [] }, resource: 'models' as const };
      const created = firstValueFrom(TestBed.inject(SharesApi).create(request));
      const post = backend.expectOne({ method: 'POST', url: '/api/shares' });
      expect(post.request.body).toEqual(request);
      post.flush(aCreatedShareLink({ token: 'tok', url: 'https://inventory.example.com/share/tok' }));
      expect((await created).url).toBe('https://inventory.example.com/share/tok');
    });

    it('pages through the links, changes one with a PATCH and revokes one with a DELETE', () => {
      const api = TestBed.inject(SharesApi);
      api.list({ limit: 20, offset: 40 }).subscribe();
      backend.expectOne('/api/shares?limit=20&offset=40').flush({ items: [aShareLink()], limit: 20, offset: 40, total: 41 });

      api.update(7, { enabled: false }).subscribe();
      const patch = backend.expectOne({ method: 'PATCH', url: '/api/shares/7' });
      expect(patch.request.body).toEqual({ enabled: false });
      patch.flush(aShareLink({ enabled: false, id: 7 }));

      api.revoke(7).subscribe();
      backend.expectOne({ method: 'DELETE', url: '/api/shares/7' }).flush(null, { status: 204, statusText: 'No Content' });
    });
  });

  describe(PublicShareApi.name, () => {
    it('reads a page of the shared view and exports it as CSV, the token escaped in the path', async () => {
      const api = TestBed.inject(PublicShareApi);
      api.view('a/b', { limit: 25, offset: 25 }).subscribe();
      backend.expectOne('/api/public/shares/a%2Fb?limit=25&offset=25').flush(aSharedView());

      const download = firstValueFrom(api.exportCsv('tok'));
      backend.expectOne('/api/public/shares/tok/export?format=csv').flush(new Blob(['provider\n']), {
        headers: { 'Content-Disposition': 'attachment; filename="shared-models.csv"' },
      });
      expect((await download).filename).toBe('shared-models.csv');
    });

    it('tells a gone link (404, for whatever reason) from too many requests (429) and other failures', async () => {
      const api = TestBed.inject(PublicShareApi);
      const failures: string[] = [];
      for (const [status, statusText] of [[404, 'Not Found'], [429, 'Too Many Requests'], [500, 'Server Error']] as const) {
        const failed = firstValueFrom(api.view('tok')).catch((error: unknown) => sharedViewFailure(error));
        backend.expectOne((r) => r.url === '/api/public/shares/tok').flush({ status }, { status, statusText });
        failures.push(String(await failed));
      }
      const exportFailed = firstValueFrom(api.exportCsv('tok')).catch((error: unknown) => sharedViewFailure(error));
      backend.expectOne((r) => r.url === '/api/public/shares/tok/export').flush(new Blob(['{"status":404}']), { status: 404, statusText: 'Not Found' });
      failures.push(String(await exportFailed));
      expect(failures).toEqual(['unavailable', 'rate-limited', 'failed', 'unavailable']);
    });
  });
});
