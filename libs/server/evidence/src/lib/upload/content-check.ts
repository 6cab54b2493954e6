import { DetectedFileType, detectFileType } from './file-type-detector';
import { UnsupportedMediaTypeError } from './upload-errors';

/** Documents and images that may be evidence, by the type their content shows. */
export const ACCEPTED_BINARY_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'image/png',
  'image/jpeg',
  'image/webp',
]);

/** Text has no magic bytes: UTF-8 without NULs is accepted, typed by its extension. */
const TEXT_TYPES: Record<string, string> = { csv: 'text/csv', md: 'text/markdown', markdown: 'text/markdown', json: 'application/json', txt: 'text/plain' };
/** Markup a browser would render (and run) is never "text" evidence. */
const MARKUP_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'svg', 'xml', 'js', 'mjs']);
const MARKUP_START = /^\s*(<!doctype|<html|<svg|<\?xml|<script|<head|<body)/i;

export const ACCEPTED_DESCRIPTION = 'PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, CSV, TXT, Markdown, JSON, PNG, JPEG or WebP';

/** The first bytes of the file (what detection reads) and whether the whole file is UTF-8 text without NULs. */
export interface ContentSample {
  head: Buffer;
  isUtf8Text: boolean;
  filename: string;
}

const extensionOf = (filename: string) => (filename.includes('.') ? (filename.split('.').pop() ?? '').toLowerCase() : '');

function describe(detected: DetectedFileType): string {
  return `${detected.mime} (.${detected.ext})`;
}

/** The stored type of an accepted file; a 415 naming what the content is when it is not accepted. */
export async function acceptedMimetype({ head, isUtf8Text, filename }: ContentSample): Promise<string> {
  const detected = await detectFileType(head);
  if (detected) {
    if (ACCEPTED_BINARY_TYPES.has(detected.mime)) return detected.mime;
    throw new UnsupportedMediaTypeError(`The file's content is ${describe(detected)}, which is not accepted as evidence; accepted: ${ACCEPTED_DESCRIPTION}.`);
  }
  if (!isUtf8Text) {
    throw new UnsupportedMediaTypeError(`The file's content is not a recognised document or image (detected: unknown binary data); accepted: ${ACCEPTED_DESCRIPTION}.`);
  }
  const extension = extensionOf(filename);
  if (MARKUP_EXTENSIONS.has(extension) || MARKUP_START.test(head.toString('utf8', 0, Math.min(head.length, 512)))) {
    throw new UnsupportedMediaTypeError(`The file's content is markup (HTML, SVG, XML or script), which is not accepted as evidence; accepted: ${ACCEPTED_DESCRIPTION}.`);
  }
  return TEXT_TYPES[extension] ?? 'text/plain';
}
