import { cellText, ExportColumn } from '@model-inventory/server-core';

/** A row as the export query yields it: model columns plus linked project and framework names. */
export interface ExportRow {
  id: number;
  provider: string;
  model: string;
  version: string;
  approver: string;
  capabilities: string[];
  security_assessment: boolean;
  status: string;
  status_date: string | Date;
  approved_by_name: string | null;
  approved_at: Date | null;
  status_rationale: string | null;
  reference_link: string;
  biases: string;
  limitations: string;
  hosting_provider: string;
  projects: string | null;
  frameworks: string | null;
  is_demo: boolean;
  updated_at: Date;
}

export const EXPORT_COLUMNS: ExportColumn<ExportRow>[] = [
  { key: 'id', header: 'ID', width: 8 },
  { key: 'provider', header: 'Provider', width: 18 },
  { key: 'model', header: 'Model', width: 24 },
  { key: 'version', header: 'Version', width: 10 },
  { key: 'approver', header: 'Approver', width: 28 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'status_date', header: 'Status date', width: 12 },
  { key: 'approved_by_name', header: 'Decided by', width: 18 },
  { key: 'approved_at', header: 'Decided at', width: 20 },
  { key: 'status_rationale', header: 'Status rationale', width: 30 },
  { key: 'security_assessment', header: 'Security assessment', width: 10 },
  { key: 'capabilities', header: 'Capabilities', width: 30 },
  { key: 'hosting_provider', header: 'Hosting', width: 14 },
  { key: 'projects', header: 'Projects', width: 24 },
  { key: 'frameworks', header: 'Frameworks', width: 24 },
  { key: 'reference_link', header: 'Reference link', width: 30 },
  { key: 'biases', header: 'Biases', width: 30 },
  { key: 'limitations', header: 'Limitations', width: 30 },
  { key: 'is_demo', header: 'Demo', width: 6 },
  { key: 'updated_at', header: 'Last updated', width: 20 },
];

/** What a cell of the model export shows. */
export const modelCellText = (row: ExportRow, key: keyof ExportRow): string => cellText(row[key], { dateOnly: key === 'status_date' });

export const modelCells = (row: ExportRow) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.key, c.key === 'id' ? row.id : modelCellText(row, c.key)]));
