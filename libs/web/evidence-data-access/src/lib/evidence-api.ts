import { HttpClient, HttpEventType } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiRoutes, EvidenceListQuery, EvidenceResponse, Page, UploadEvidenceFields } from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, asDownload, DownloadedFile, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { filter, map, Observable } from 'rxjs';
import { EVIDENCE_UPLOAD_HTTP } from './upload-http';

/** One step of an upload: bytes sent so far (`total` as the browser knows it), then the stored evidence. */
export type UploadProgress =
  | { kind: 'progress'; loaded: number; total: number }
  | { kind: 'done'; evidence: EvidenceResponse };

/** Every call the console makes about evidence files: upload with progress, the hub list, download and removal. */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  private readonly http = inject(HttpClient);
  private readonly uploadHttp = inject(EVIDENCE_UPLOAD_HTTP);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly evidenceUrl = apiUrl(this.baseUrl, ApiRoutes.evidence);

  /**
   * Sends one file as multipart with its fields, reporting the bytes sent. A refusal (413 too large, 415 not an
   * accepted type, 400 a field) is the caller's to show next to the file: its `detail` says why.
   */
  upload(modelId: number, file: File, fields: UploadEvidenceFields): Observable<UploadProgress> {
    const body = new FormData();
    body.append('evidence_type', fields.evidence_type);
    if (fields.description) body.append('description', fields.description);
    if (fields.expiry_date) body.append('expiry_date', fields.expiry_date);
    // The file goes last: the server reads the fields before the bytes stream through.
    body.append('file', file, file.name);
    const url = apiUrl(this.baseUrl, ApiRoutes.modelInventory, String(modelId), 'evidence');
    return this.uploadHttp
      .post<EvidenceResponse>(url, body, { context: handledLocally(), observe: 'events', reportProgress: true })
      .pipe(
        map((event): UploadProgress | null => {
          if (event.type === HttpEventType.UploadProgress) {
            return { kind: 'progress', loaded: event.loaded, total: event.total ?? file.size };
          }
          if (event.type === HttpEventType.Response && event.body) {
            return { evidence: event.body, kind: 'done' };
          }
          return null;
        }),
        filter((step): step is UploadProgress => step !== null),
      );
  }

  /** The organisation's live evidence, filtered, searched, sorted and paged (the hub; `model_id` for one model). */
  list(query: EvidenceListQuery): Observable<Page<EvidenceResponse>> {
    return this.http.get<Page<EvidenceResponse>>(this.evidenceUrl, { params: toHttpParams(query) });
  }

  /** The stored bytes with the stored filename, fetched with the bearer token (a plain link could not send it). */
  download(evidence: Pick<EvidenceResponse, 'id' | 'filename'>): Observable<DownloadedFile> {
    return this.http
      .get(`${this.evidenceUrl}/${evidence.id}/download`, { context: handledLocally(), observe: 'response', responseType: 'blob' })
      .pipe(asDownload(evidence.filename));
  }

  /** Removes the evidence from its model and the hub; the row and bytes stay for the audit trail. */
  remove(id: number): Observable<void> {
    return this.http.delete<void>(`${this.evidenceUrl}/${id}`, { context: handledLocally() });
  }
}
