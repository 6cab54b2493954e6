import { inflateSync } from 'node:zlib';
import { INestApplication } from '@nestjs/common';
import { CreateModelInventoryRequest } from '@model-inventory/contracts';
import { CredentialCache } from '@model-inventory/server-identity';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';

export function aModel(overrides: Partial<CreateModelInventoryRequest> = {}): CreateModelInventoryRequest {
  return {
    provider: 'OpenAI',
    model: 'GPT-4',
    version: '1.0',
    approver: 'john.doe@company.com',
    capabilities: ['text-generation', 'summarization'],
    security_assessment: true,
    status_date: '2025-01-17',
    reference_link: 'https://docs.example.com',
    biases: 'Training data biases',
    limitations: 'Context window limits',
    hosting_provider: 'Cloud',
    ...overrides,
  };
}

/** As `countQueries`, with the caller's credential not verified recently: the count includes the auth guard's lookup. */
export function countQueriesWithLookup(app: INestApplication, work: () => Promise<unknown>): Promise<number> {
  app.get(CredentialCache).invalidate();
  return countQueries(app.get(DataSource), work);
}

/** Counts the SQL statements the app sends while `work` runs (TypeORM reports each one to its logger). */
export async function countQueries(dataSource: DataSource, work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const original = dataSource.logger;
  const counting: TypeOrmLogger = {
    logQuery: () => void count++,
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.assign(dataSource, { logger: counting });
  try {
    await work();
  } finally {
    Object.assign(dataSource, { logger: original });
  }
  return count;
}

/** The text a PDF shows, in drawing order: its content streams inflated and their hex-encoded strings decoded. */
export function pdfText(pdf: Buffer): string {
  const texts: string[] = [];
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue; // not a compressed content stream (e.g. a font)
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>\s*(?:-?\d+\s*)?/g)) texts.push(Buffer.from(hex[1], 'hex').toString('latin1'));
    texts.push(' ');
  }
  return texts.join('');
}
