import { HttpClient, HttpErrorResponse, HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { EvidenceApi, UploadProgress } from './evidence-api';
import { anEvidence } from './testing/evidence-fixtures';
import { EVIDENCE_UPLOAD_HTTP } from './upload-http';

describe(EvidenceApi.name, () => {
  let backend: HttpTestingController;
  let api: EvidenceApi;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: EVIDENCE_UPLOAD_HTTP, useFactory: () => inject(HttpClient) },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(EvidenceApi);
  });

  afterEach(() => backend.verify());

  it('uploads the fields and then the file as multipart, reporting the bytes sent and then the stored evidence', async () => {
    const file = new File(['%PDF-1.4 report'], 'pen-test.pdf', { type: 'application/pdf' });
    const steps = firstValueFrom(
      api.upload(7, file, { description: 'Q3 pen test', evidence_type: 'Security Assessment Report', expiry_date: '2027-06-30' }).pipe(toArray()),
    );
    const post = backend.expectOne({ method: 'POST', url: '/api/modelInventory/7/evidence' });
    expect(post.request.reportProgress).toBe(true);
    const body = post.request.body as FormData;
    expect([...body.keys()]).toEqual(['evidence_type', 'description', 'expiry_date', 'file']);
    expect((body.get('file') as File).name).toBe('pen-test.pdf');

    post.event({ loaded: 5, total: 15, type: HttpEventType.UploadProgress });
    post.event({ loaded: 15, total: 15, type: HttpEventType.UploadProgress });
    post.flush(anEvidence({ id: 44 }), { status: 201, statusText: 'Created' });

    expect(await steps).toEqual<UploadProgress[]>([
      { kind: 'progress', loaded: 5, total: 15 },
      { kind: 'progress', loaded: 15, total: 15 },
      { evidence: anEvidence({ id: 44 }), kind: 'done' },
    ]);
  });

  it('leaves out empty optional fields and hands a refusal back with its problem document', async () => {
    const file = new File(['MZ'], 'report.pdf');
    const failed = firstValueFrom(api.upload(7, file, { evidence_type: 'Other' })).catch((error: unknown) => error);
    const post = backend.expectOne('/api/modelInventory/7/evidence');
    expect([...(post.request.body as FormData).keys()]).toEqual(['evidence_type', 'file']);
    const problem = { detail: 'The file is application/x-msdownload (.exe), which is not accepted.', status: 415, title: 'Unsupported Media Type', type: 'about:blank' };
    post.flush(problem, { status: 415, statusText: 'Unsupported Media Type' });
    const error = (await failed) as HttpErrorResponse;
    expect(error.status).toBe(415);
    expect(error.error).toEqual(problem);
  });

  it('lists with the filters as the API names them and downloads with the stored filename when none is proposed', async () => {
    api.list({ evidence_type: ['DPIA', 'Model Card'], expired: true, limit: 25, offset: 0, sort: 'expiry_date:asc' }).subscribe();
    backend
      .expectOne('/api/evidence?evidence_type=DPIA,Model%20Card&expired=true&limit=25&offset=0&sort=expiry_date:asc')
      .flush({ items: [], limit: 25, offset: 0, total: 0 });

    const download = firstValueFrom(api.download({ filename: 'pen-test.pdf', id: 12 }));
    backend.expectOne('/api/evidence/12/download').flush(new Blob(['%PDF']));
    expect((await download).filename).toBe('pen-test.pdf');

    api.remove(12).subscribe();
    backend.expectOne({ method: 'DELETE', url: '/api/evidence/12' }).flush(null, { status: 204, statusText: 'No Content' });
  });
});
