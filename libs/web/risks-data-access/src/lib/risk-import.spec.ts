import { importErrorLine, parseCsv, readRiskImport, RISK_IMPORT_TEMPLATE_HEADER } from './risk-import';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, any line ending, and drops a BOM and blank lines', () => {
    const text = '\uFEFFrisk_name,description\r\n"Drift, in Q4","He said ""no""\nthen left"\n\nPlain,\r\n';
    expect(parseCsv(text)).toEqual([
      ['risk_name', 'description'],
      ['Drift, in Q4', 'He said "no"\nthen left'],
      ['Plain', ''],
    ]);
  });

  it('keeps a last line without a line break', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('readRiskImport', () => {
  it('reads the export’s headers and the API’s, leaves empty cells out and names the columns it does not read', () => {
    const text = [
      'ID,Risk,Level,Category,Status,Owner,Target date,model_id,Overdue,Impact,Description',
      '12,Prompt injection,Critical,Security,In Progress,sec@acme.test,2027-01-31,7,No,Very High,',
      ',Stale data,Medium,Data Quality,,ml@acme.test,2026-11-30,8,Yes,,Older than a year',
    ].join('\n');
    const read = readRiskImport(text, null);

    expect(read.problems).toEqual([]);
    expect(read.ignored).toEqual(['ID', 'Overdue']);
    expect(read.risks).toEqual([
      {
        line: 2,
        request: { impact: 'Very High', model_id: 7, owner: 'sec@acme.test', risk_category: 'Security', risk_level: 'Critical', risk_name: 'Prompt injection', status: 'In Progress', target_date: '2027-01-31' },
      },
      {
        line: 3,
        request: { description: 'Older than a year', model_id: 8, owner: 'ml@acme.test', risk_category: 'Data Quality', risk_level: 'Medium', risk_name: 'Stale data', target_date: '2026-11-30' },
      },
    ]);
  });

  it('gives lines without a model the model the list is filtered by, and says which lines have none otherwise', () => {
    const text = 'risk_name,risk_level\nA,High\nB,Low';
    expect(readRiskImport(text, 4).risks.map((risk) => risk.request.model_id)).toEqual([4, 4]);
    expect(readRiskImport(text, null).problems).toEqual(['No model for line 2, 3: add a model_id column, or filter the list by the model first.']);
  });

  it('refuses a file without a risk name column, without risks, or with more than one batch of risks', () => {
    expect(readRiskImport('name,level\nA,High', 1).problems).toEqual(['The header row has no risk_name (or "Risk") column.']);
    expect(readRiskImport(RISK_IMPORT_TEMPLATE_HEADER.join(','), 1).problems).toEqual(['The file has no risks under its header row.']);
    const many = ['risk_name', ...Array.from({ length: 101 }, (_, i) => `Risk ${i}`)].join('\n');
    expect(readRiskImport(many, 1).problems).toEqual(['The file has 101 risks; import at most 100 at a time.']);
  });
});

describe('importErrorLine', () => {
  it('turns the API’s item index into the file’s line', () => {
    const risks = readRiskImport('risk_name\nA\nB\nC', 1).risks;
    expect(importErrorLine('items.2.risk_level', risks)).toEqual({ field: 'risk_level', line: 4 });
    expect(importErrorLine('items.0', risks)).toEqual({ field: 'risk', line: 2 });
    expect(importErrorLine('items', risks)).toEqual({ field: 'items', line: null });
  });
});
