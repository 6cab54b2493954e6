import { EVIDENCE_FILENAME_MAX } from '@model-inventory/contracts';

// Control characters (C0, DEL, C1) and the bidirectional overrides that make "exe.pdf" read as "fdp.exe".
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name for display and for the download: no directories (either slash), no control or bidi characters, no
 * leading dots, at most EVIDENCE_FILENAME_MAX characters with the extension kept; `evidence` when nothing is left.
 */
export function sanitizeFilename(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  if (!cleaned) return 'evidence';
  const characters = [...cleaned];
  if (characters.length <= EVIDENCE_FILENAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? [...cleaned.slice(dot)] : [];
  return characters.slice(0, EVIDENCE_FILENAME_MAX - extension.length).join('').trimEnd() + extension.join('');
}

/** RFC 6266 / 5987: an ASCII fallback (anything else, quotes and backslashes as `_`) and the exact UTF-8 name. */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
