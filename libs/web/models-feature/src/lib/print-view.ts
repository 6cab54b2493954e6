import { ModelInventoryResponse } from '@model-inventory/contracts';
import { LinkNames } from './models-table/model-rows';
import { MODEL_COLUMNS, ModelColumnKey } from './model-columns';

export interface PrintRequest {
  title: string;
  /** A line describing the filters in effect. */
  subtitle: string;
  models: readonly ModelInventoryResponse[];
  columns: readonly ModelColumnKey[];
  names: LinkNames;
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char] ?? char);

export function cellText(model: ModelInventoryResponse, column: ModelColumnKey, names: LinkNames): string {
  switch (column) {
    case 'security_assessment':
      return model.security_assessment ? 'Yes' : 'No';
    case 'capabilities':
      return model.capabilities.join(', ');
    case 'projects':
      return model.projects.map((id) => names.projects.get(id) ?? `#${id}`).join(', ');
    case 'frameworks':
      return model.frameworks.map((id) => names.frameworks.get(id) ?? `#${id}`).join(', ');
    case 'updated_at':
      return new Date(model.updated_at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
    default:
      return String(model[column] ?? '');
  }
}

/** A self-contained, print-friendly HTML document of the rows shown. */
export function printDocument({ columns, models, names, subtitle, title }: PrintRequest): string {
  const headers = columns.map((key) => `<th>${escape(MODEL_COLUMNS.find((column) => column.key === key)?.label ?? key)}</th>`);
  const rows = models.map(
    (model) => `<tr>${columns.map((key) => `<td>${escape(cellText(model, key, names))}</td>`).join('')}</tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
  @page { size: A4 landscape; margin: 14mm; }
  body { font: 11px/1.4 Roboto, Arial, sans-serif; color: #1b1b1f; margin: 0; }
  h1 { font-size: 18px; margin: 0 0 2px; }
  p { color: #555; margin: 0 0 12px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: 5px 6px; text-align: left; vertical-align: top; }
  th { background: #f2f2f5; font-size: 10px; text-transform: uppercase; letter-spacing: .03em; }
  tr { break-inside: avoid; }
</style></head>
<body><h1>${escape(title)}</h1><p>${escape(subtitle)}</p>
<table><thead><tr>${headers.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}

/**
 * Prints through a hidden frame, so the user gets the browser's print dialog (with "Save as PDF")
 * for just the table, without the console around it.
 */
export function printHtml(html: string, doc: Document = document): void {
  const frame = doc.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  doc.body.appendChild(frame);
  const frameWindow = frame.contentWindow;
  if (!frameWindow) {
    frame.remove();
    return;
  }
  frameWindow.document.open();
  frameWindow.document.write(html);
  frameWindow.document.close();
  const cleanUp = () => setTimeout(() => frame.remove(), 1000);
  frameWindow.addEventListener('afterprint', cleanUp, { once: true });
  setTimeout(() => {
    frameWindow.focus();
    frameWindow.print();
  }, 50);
}
