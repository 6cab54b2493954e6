import { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { safeFileName } from './table-export';

/**
 * A download's name for the actor's organisation: its name (never its internal id), what the file holds, and the
 * day, e.g. `Acme-Analytics-model-inventory-2026-12-03`.
 */
export async function organizationFileName(dataSource: DataSource, subject: string, now = new Date()): Promise<string> {
  const { organizationId } = RequestContext.requireActor();
  const [organization] = await dataSource.query(`SELECT name FROM organizations WHERE id = $1`, [organizationId]);
  const day = now.toISOString().slice(0, 10);
  return safeFileName([organization?.name, subject, day].filter(Boolean).join('-'));
}
