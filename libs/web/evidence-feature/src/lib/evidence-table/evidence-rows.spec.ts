import { anEvidence } from '@model-inventory/web-evidence-data-access';
import { EvidenceTableRow, groupEvidenceRows } from './evidence-rows';

const ada = { email: 'ada@example.com', id: 3, name: 'Ada Lovelace' };
const grace = { email: 'grace@example.com', id: 5, name: 'Grace Hopper' };
const gone = { email: null, id: null, name: null };
const claude = { id: 9, model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022' };

const PAGE = [
  anEvidence({ evidence_type: 'Security Assessment Report', filename: 'pen-test.pdf', id: 1, uploaded_by: grace }),
  anEvidence({ evidence_type: 'DPIA', filename: 'dpia.pdf', id: 2, model: claude, model_id: 9, uploaded_by: gone }),
  anEvidence({ evidence_type: 'Security Assessment Report', filename: 'retest.pdf', id: 3, model: claude, model_id: 9, uploaded_by: ada }),
];

/** The table as a reader scans it: "# header (count)" lines, then file names. */
const outline = (rows: EvidenceTableRow[]) => rows.map((row) => (row.kind === 'group' ? `# ${row.label} (${row.count})` : row.evidence.filename));

describe('groupEvidenceRows', () => {
  it('lists the page as it came when not grouping', () => {
    expect(outline(groupEvidenceRows(PAGE, 'none', false))).toEqual(['pen-test.pdf', 'dpia.pdf', 'retest.pdf']);
  });

  it('gathers the files of a type under one header with their count, groups by name', () => {
    expect(outline(groupEvidenceRows(PAGE, 'type', false))).toEqual([
      '# DPIA (1)',
      'dpia.pdf',
      '# Security Assessment Report (2)',
      'pen-test.pdf',
      'retest.pdf',
    ]);
  });

  it('keeps the order the API sorted the groups in (here descending by model)', () => {
    const sorted = [PAGE[0], PAGE[1], PAGE[2]];
    expect(outline(groupEvidenceRows(sorted, 'model', true))).toEqual([
      '# GPT-4o 2024-08-06 · OpenAI (1)',
      'pen-test.pdf',
      '# Claude 3.5 Sonnet 20241022 · Anthropic (2)',
      'dpia.pdf',
      'retest.pdf',
    ]);
  });

  it('groups by uploader, files of a deleted account last under "Unknown user"', () => {
    expect(outline(groupEvidenceRows(PAGE, 'uploader', false))).toEqual([
      '# Ada Lovelace (1)',
      'retest.pdf',
      '# Grace Hopper (1)',
      'pen-test.pdf',
      '# Unknown user (1)',
      'dpia.pdf',
    ]);
  });

  it('gives every row a key unique on the page, so the table can track them', () => {
    const keys = groupEvidenceRows(PAGE, 'model', false).map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
