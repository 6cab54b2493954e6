import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatOption, provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { EVIDENCE_DESCRIPTION_MAX, EVIDENCE_TYPES, EvidenceResponse, EvidenceType, UploadEvidenceFields } from '@model-inventory/contracts';
import { EvidenceApi } from '@model-inventory/web-evidence-data-access';
import { formatBytes, toIsoDay } from '../evidence-format';
import { uploadFailure } from './upload-failure';

type UploadState =
  | { status: 'uploading'; loaded: number; total: number }
  | { status: 'done'; total: number }
  | { status: 'failed'; message: string };

interface UploadItem {
  key: number;
  name: string;
  size: number;
  state: UploadState;
}

/**
 * Adds evidence files to a model: the type (required), an optional description and expiry date, then files dropped
 * on the zone or chosen with the picker. Each file is sent at once with a progress bar (percent and bytes); a
 * refusal (415 naming what the content is, 413 the size limit) stays next to its file.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatSuffix,
    ReactiveFormsModule,
  ],
  providers: [provideNativeDateAdapter()],
  selector: 'mi-evidence-upload',
  styleUrl: './evidence-upload.scss',
  templateUrl: './evidence-upload.html',
})
export class EvidenceUpload {
  private readonly api = inject(EvidenceApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly typeSelect = viewChild.required(MatSelect);

  readonly modelId = input.required<number>();
  readonly uploaded = output<EvidenceResponse>();

  protected readonly types = EVIDENCE_TYPES;
  protected readonly descriptionMax = EVIDENCE_DESCRIPTION_MAX;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    description: ['', Validators.maxLength(EVIDENCE_DESCRIPTION_MAX)],
    evidence_type: [null as EvidenceType | null, Validators.required],
    expiry: [null as Date | null],
  });
  protected readonly dragging = signal(false);
  protected readonly items = signal<readonly UploadItem[]>([]);
  protected readonly finished = computed(() => this.items().some((item) => item.state.status !== 'uploading'));
  protected readonly formatBytes = formatBytes;
  private nextKey = 1;

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected onDragLeave(event: DragEvent): void {
    const zone = event.currentTarget as HTMLElement;
    if (!zone.contains(event.relatedTarget as Node | null)) this.dragging.set(false);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.add([...(event.dataTransfer?.files ?? [])]);
  }

  protected onPicked(input: HTMLInputElement): void {
    this.add([...(input.files ?? [])]);
    // The same file can be picked again after a refusal.
    input.value = '';
  }

  protected openPicker(picker: HTMLInputElement): void {
    if (this.ensureFields()) picker.click();
  }

  protected dismiss(key: number): void {
    this.items.update((items) => items.filter((item) => item.key !== key));
  }

  protected clearFinished(): void {
    this.items.update((items) => items.filter((item) => item.state.status === 'uploading'));
  }

  protected percent(state: UploadState): number {
    if (state.status === 'done') return 100;
    if (state.status !== 'uploading' || state.total === 0) return 0;
    return Math.min(100, Math.round((state.loaded / state.total) * 100));
  }

  private add(files: File[]): void {
    if (files.length === 0 || !this.ensureFields()) return;
    const fields = this.fields();
    for (const file of files) this.send(file, fields);
  }

  /** The type must be chosen (and the description fit) before files are sent; says so otherwise. */
  private ensureFields(): boolean {
    if (this.form.valid) return true;
    this.form.markAllAsTouched();
    if (this.form.controls.evidence_type.invalid) this.typeSelect().focus();
    return false;
  }

  private fields(): UploadEvidenceFields {
    const { description, evidence_type, expiry } = this.form.getRawValue();
    return {
      description: description.trim() || undefined,
      evidence_type: evidence_type as EvidenceType,
      expiry_date: expiry ? toIsoDay(expiry) : undefined,
    };
  }

  private send(file: File, fields: UploadEvidenceFields): void {
    const key = this.nextKey++;
    const set = (state: UploadState) => this.items.update((items) => items.map((item) => (item.key === key ? { ...item, state } : item)));
    this.items.update((items) => [...items, { key, name: file.name, size: file.size, state: { loaded: 0, status: 'uploading', total: file.size } }]);
    this.api
      .upload(this.modelId(), file, fields)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => set({ message: uploadFailure(error), status: 'failed' }),
        next: (step) => {
          if (step.kind === 'progress') {
            set({ loaded: step.loaded, status: 'uploading', total: step.total });
          } else {
            set({ status: 'done', total: step.evidence.size });
            this.uploaded.emit(step.evidence);
          }
        },
      });
  }
}
