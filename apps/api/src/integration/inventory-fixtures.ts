import { CreateModelInventoryRequest } from '@model-inventory/contracts';
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
