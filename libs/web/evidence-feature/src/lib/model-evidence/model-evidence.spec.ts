import { HttpClient, HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, inject } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { EvidenceResponse, Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { anEvidence, EVIDENCE_UPLOAD_HTTP } from '@model-inventory/web-evidence-data-access';
import { ModelEvidence } from './model-evidence';

@Component({ imports: [ModelEvidence], template: '<mi-model-evidence [modelId]="7" />' })
class ModelDialogTab {}

const STORED = [
  anEvidence({ evidence_type: 'DPIA', expiry_date: '2026-12-20', expiry_status: 'expiring', filename: 'dpia-2026.pdf', id: 3 }),
  anEvidence({ expiry_date: '2025-01-31', expiry_status: 'expired', filename: 'pen-test-2024.pdf', id: 2 }),
];

describe(ModelEvidence.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ModelDialogTab>;
  let loader: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: EVIDENCE_UPLOAD_HTTP, useFactory: () => inject(HttpClient) },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const all = (testId: string) => [...element().querySelectorAll(`[data-testid=${testId}]`)].map((node) => node.textContent?.trim());

  async function open(role: Role, items: EvidenceResponse[] = STORED): Promise<void> {
    await signInAs(role);
    fixture = TestBed.createComponent(ModelDialogTab);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    await answerList(items);
  }

  async function answerList(items: EvidenceResponse[]): Promise<void> {
    const list = backend.expectOne((request) => request.url === '/api/evidence');
    expect(list.request.params.get('model_id')).toBe('7');
    list.flush({ items, limit: 100, offset: 0, total: items.length });
    await fixture.whenStable();
  }

  async function pick(file: File): Promise<void> {
    const input = element().querySelector<HTMLInputElement>('[data-testid=evidence-file-input]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { configurable: true, value: [file] });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  it("lists the model's files with their expiry marked, and uploads a new one with its progress in percent and bytes", async () => {
    await open(Role.Editor);
    expect(all('evidence-filename')).toEqual(['dpia-2026.pdf', 'pen-test-2024.pdf']);
    expect(all('expiry-chip')).toEqual(['Expiring', 'Expired']);
    expect(all('remove-evidence')).toHaveLength(2);

    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'Security Assessment Report' });
    await pick(new File([new Uint8Array(2048)], 'pen-test-2026.pdf'));
    const upload = backend.expectOne({ method: 'POST', url: '/api/modelInventory/7/evidence' });
    expect((upload.request.body as FormData).get('evidence_type')).toBe('Security Assessment Report');

    upload.event({ loaded: 1024, total: 2048, type: HttpEventType.UploadProgress });
    await fixture.whenStable();
    expect(all('upload-bytes')).toEqual(['50% · 1.0 KB of 2.0 KB']);
    expect(element().querySelector('[data-testid=upload-progress]')?.getAttribute('aria-valuenow')).toBe('50');

    upload.flush(anEvidence({ filename: 'pen-test-2026.pdf', id: 4, size: 2048 }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(all('upload-bytes')).toEqual(['Uploaded · 2.0 KB']);
    await answerList([anEvidence({ filename: 'pen-test-2026.pdf', id: 4 }), ...STORED]);
    expect(all('evidence-filename')).toEqual(['pen-test-2026.pdf', 'dpia-2026.pdf', 'pen-test-2024.pdf']);
  });

  it('asks for the type before sending anything, and shows a refusal with what the server detected next to the file', async () => {
    await open(Role.Reviewer, []);
    expect(element().textContent).toContain('No evidence attached to this model yet.');

    await pick(new File(['MZ'], 'report.pdf'));
    backend.expectNone('/api/modelInventory/7/evidence');
    expect(element().textContent).toContain('Choose the type of evidence before adding files');

    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'Other' });
    await pick(new File(['MZ'], 'report.pdf'));
    backend.expectOne('/api/modelInventory/7/evidence').flush(
      { detail: 'The content is application/x-msdownload (.exe), which is not an accepted document or image.', status: 415, title: 'Unsupported Media Type', type: 'about:blank' },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await fixture.whenStable();
    expect(all('upload-error')).toEqual(['The content is application/x-msdownload (.exe), which is not an accepted document or image.']);
    expect(all('upload-bytes')).toEqual(['Refused · 2 bytes']);
  });

  it('lets Auditors read and download but not add or remove evidence', async () => {
    await open(Role.Auditor);
    expect(all('download-evidence')).toHaveLength(2);
    expect(all('remove-evidence')).toHaveLength(0);
    expect(element().querySelector('mi-evidence-upload')).toBeNull();
    expect(element().textContent).toContain('Your role can read and download evidence, not add or remove it.');
  });
});
