import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ExportRow, modelCellText } from './export-columns';

/** A PDF is for reading: beyond this many models, the document says so and points to CSV/XLSX. */
export const PDF_ROW_LIMIT = 5_000;

const COLUMNS: Array<{ key: keyof ExportRow; header: string; width: number }> = [
  { key: 'provider', header: 'Provider', width: 78 },
  { key: 'model', header: 'Model', width: 96 },
  { key: 'version', header: 'Version', width: 52 },
  { key: 'approver', header: 'Approver', width: 118 },
  { key: 'status', header: 'Status', width: 58 },
  { key: 'status_date', header: 'Status date', width: 58 },
  { key: 'security_assessment', header: 'Assessed', width: 46 },
  { key: 'hosting_provider', header: 'Hosting', width: 66 },
  { key: 'projects', header: 'Projects', width: 96 },
  { key: 'frameworks', header: 'Frameworks', width: 102 },
];

const MARGIN = 36;
const PADDING = 3;
const FONT_SIZE = 7.5;
const MAX_LINES = 3;
const STATUS_COLORS: Record<string, string> = { Approved: '#1b5e20', Restricted: '#e65100', Pending: '#455a64', Blocked: '#b71c1c' };

export interface PdfHeading {
  title: string;
  /** What was exported: filters and time. */
  subtitle: string;
}

/** Writes the rows as a landscape A4 table, page by page, into `out`; resolves when `out` has finished. */
export async function writePdfTable(rows: AsyncIterable<ExportRow>, out: Writable, heading: PdfHeading): Promise<void> {
  // Loaded on the first PDF export: the worker, which imports this module, never needs it (memory).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: heading.title, Creator: 'Model Inventory' } });
  doc.pipe(out);
  let page = 1;
  let y = drawPageTop(doc, heading, page);
  let written = 0;
  let truncated = false;
  for await (const row of rows) {
    if (written === PDF_ROW_LIMIT) {
      truncated = true;
      break;
    }
    const texts = COLUMNS.map((column) => modelCellText(row, column.key));
    const height = rowHeight(doc, texts);
    if (y + height > doc.page.height - MARGIN - 14) {
      doc.addPage();
      y = drawPageTop(doc, heading, ++page);
    }
    if (written % 2 === 1) doc.rect(MARGIN, y, tableWidth(), height).fill('#f4f6f8');
    drawCells(doc, texts, y, height);
    y += height;
    written++;
  }
  const summary = truncated
    ? `The first ${PDF_ROW_LIMIT.toLocaleString('en')} models only. Export CSV or Excel for all of them.`
    : `${written.toLocaleString('en')} ${written === 1 ? 'model' : 'models'}.`;
  doc.font('Helvetica-Oblique').fontSize(FONT_SIZE).fillColor('#555555').text(summary, MARGIN, Math.min(y + 8, doc.page.height - MARGIN - 10), { lineBreak: false });
  doc.end();
  await finished(out);
}

const tableWidth = () => COLUMNS.reduce((sum, column) => sum + column.width, 0);

function rowHeight(doc: PDFKit.PDFDocument, texts: string[]): number {
  doc.font('Helvetica').fontSize(FONT_SIZE);
  const lineHeight = doc.currentLineHeight(true);
  const lines = Math.max(1, ...texts.map((text, i) => Math.min(MAX_LINES, Math.ceil(doc.heightOfString(text || ' ', { width: COLUMNS[i].width - 2 * PADDING }) / lineHeight))));
  return lines * lineHeight + 2 * PADDING;
}

function drawCells(doc: PDFKit.PDFDocument, texts: string[], y: number, height: number): void {
  let x = MARGIN;
  texts.forEach((text, i) => {
    const column = COLUMNS[i];
    const color = column.key === 'status' ? (STATUS_COLORS[text] ?? '#222222') : '#222222';
    doc
      .font(column.key === 'status' ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(FONT_SIZE)
      .fillColor(color)
      .text(text, x + PADDING, y + PADDING, { width: column.width - 2 * PADDING, height: height - 2 * PADDING, ellipsis: true });
    x += column.width;
  });
}

/** Title, subtitle, column headings and page number; returns where the first row goes. */
function drawPageTop(doc: PDFKit.PDFDocument, heading: PdfHeading, page: number): number {
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#111111').text(heading.title, MARGIN, MARGIN, { lineBreak: false });
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(heading.subtitle, MARGIN, MARGIN + 18, { lineBreak: false });
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0; // the page number sits below the text area; pdfkit would otherwise start a new page
  doc.text(`Page ${page}`, MARGIN, doc.page.height - MARGIN + 8, { width: tableWidth(), align: 'right', lineBreak: false });
  doc.page.margins.bottom = bottom;
  const top = MARGIN + 36;
  doc.rect(MARGIN, top, tableWidth(), 16).fill('#263238');
  let x = MARGIN;
  for (const column of COLUMNS) {
    doc.font('Helvetica-Bold').fontSize(FONT_SIZE).fillColor('#ffffff').text(column.header, x + PADDING, top + 4.5, { width: column.width - 2 * PADDING, lineBreak: false });
    x += column.width;
  }
  return top + 16;
}
