import { CreateModelRiskRequest, RISK_BATCH_MAX } from '@model-inventory/contracts';

/** The rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

type ImportField = keyof CreateModelRiskRequest;

/** Each field, by the header names a file may give it: the API's own, and the risk export's. */
const HEADERS: Record<ImportField, readonly string[]> = {
  current_values: ['current_values', 'current values'],
  description: ['description'],
  impact: ['impact'],
  key_metrics: ['key_metrics', 'key metrics'],
  likelihood: ['likelihood'],
  mitigation_plan: ['mitigation_plan', 'mitigation plan'],
  model_id: ['model_id', 'model id'],
  owner: ['owner'],
  risk_category: ['risk_category', 'category'],
  risk_level: ['risk_level', 'level'],
  risk_name: ['risk_name', 'risk', 'risk name'],
  status: ['status'],
  target_date: ['target_date', 'target date'],
  threshold: ['threshold'],
};

/** The header row of a file the import reads as it is, in the order the risk form asks. */
export const RISK_IMPORT_TEMPLATE_HEADER: readonly ImportField[] = [
  'risk_name',
  'risk_category',
  'risk_level',
  'status',
  'owner',
  'target_date',
  'model_id',
  'impact',
  'likelihood',
  'description',
  'mitigation_plan',
  'key_metrics',
  'current_values',
  'threshold',
];

/** What a file holds, ready to send: the risks (with the file's line of each), or why it cannot be sent. */
export interface RiskImport {
  risks: Array<{ line: number; request: CreateModelRiskRequest }>;
  /** Columns the import does not read (e.g. the export's ID, Overdue, Last updated). */
  ignored: string[];
  /** Why nothing can be sent; empty when the file is ready. */
  problems: string[];
}

/**
 * Reads a CSV of risks: one risk a line under a header row naming the fields (the API's names or the export's).
 * Empty cells are left out, so the API's defaults and rules apply as for a risk raised by hand; `modelId` is used for
 * lines without a model (a list filtered by one model). The API checks every rule when the risks are sent.
 */
export function readRiskImport(text: string, modelId: number | null): RiskImport {
  const [header = [], ...lines] = parseCsv(text);
  const fields = header.map((name) => fieldOf(name));
  const ignored = header.filter((_, i) => fields[i] === null).map((name) => name.trim());
  const risks = lines.map((cells, index) => {
    const request: Record<string, unknown> = {};
    cells.forEach((cell, i) => {
      const field = fields[i];
      if (field && cell.trim() !== '') request[field] = field === 'model_id' ? Number(cell.trim()) : cell.trim();
    });
    if (request['model_id'] === undefined && modelId !== null) request['model_id'] = modelId;
    return { line: index + 2, request: request as unknown as CreateModelRiskRequest };
  });
  const problems: string[] = [];
  if (!fields.includes('risk_name')) problems.push('The header row has no risk_name (or "Risk") column.');
  if (risks.length === 0) problems.push('The file has no risks under its header row.');
  if (risks.length > RISK_BATCH_MAX) problems.push(`The file has ${risks.length} risks; import at most ${RISK_BATCH_MAX} at a time.`);
  const withoutModel = risks.filter((risk) => risk.request.model_id === undefined).map((risk) => risk.line);
  if (withoutModel.length) {
    problems.push(`No model for line ${withoutModel.slice(0, 5).join(', ')}${withoutModel.length > 5 ? '…' : ''}: add a model_id column, or filter the list by the model first.`);
  }
  return { ignored, problems, risks };
}

function fieldOf(name: string): ImportField | null {
  const wanted = name.trim().toLowerCase();
  const found = Object.entries(HEADERS).find(([, names]) => names.includes(wanted));
  return found ? (found[0] as ImportField) : null;
}

/** The file line an API error names (`items.3.risk_level` → line 5, field risk_level). */
export function importErrorLine(field: string, risks: RiskImport['risks']): { line: number | null; field: string } {
  const match = /^items\.(\d+)\.?(.*)$/.exec(field);
  if (!match) return { field, line: null };
  return { field: match[2] || 'risk', line: risks[Number(match[1])]?.line ?? null };
}
