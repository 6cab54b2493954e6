import { configurationVariables } from '@model-inventory/server-testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const workspaceRoot = join(__dirname, '../../../..');
interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  volumes?: string[];
  profiles?: string[];
}

/**
 * No Docker engine runs here, so the compose file is checked as data: the topology `--scale api=2 --scale worker=2`
 * needs, and that every variable it hands the processes is one their configuration knows.
 */
describe('docker/compose.yml', () => {
  // `merge: true` resolves the file's `<<: *anchor` merge keys, as compose does.
  const compose = YAML.parse(readFileSync(join(workspaceRoot, 'docker/compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
  const services = compose.services;

  it('runs migrations once as a job before any API or worker, and the APIs without migrating', () => {
    expect(services['migrate'].command).toEqual(['node', 'dist/apps/api/main.js', '--migrate']);
    for (const name of ['api', 'worker']) expect(services[name].depends_on?.['migrate']).toEqual({ condition: 'service_completed_successfully' });
    expect(services['api'].environment?.['MIGRATIONS_RUN']).toBe('false');
  });

  it('lets the API and the worker scale: no host port on the API, one proxy in front that resolves replicas per request', () => {
    expect(services['api'].ports).toBeUndefined();
    expect(services['worker'].ports).toBeUndefined();
    expect(services['proxy'].ports).toEqual(['${API_PORT:-3000}:80']);
    const nginx = readFileSync(join(workspaceRoot, 'docker/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/resolver 127\.0\.0\.11/);
    expect(nginx).toMatch(/proxy_pass \$api_upstream;/);
    expect(services['api'].environment?.['TRUST_PROXY']).toBe('uniquelocal');
  });

  it('refuses to start without the keys every API and worker must share', () => {
    for (const name of ['api', 'worker']) expect(services[name].environment?.['SECRETS_KEY']).toMatch(/^\$\{SECRETS_KEY:\?/);
    expect(services['api'].environment?.['JWT_SECRET']).toMatch(/^\$\{JWT_SECRET:\?/);
  });

  it('keeps Redis persistent and never evicting (queued jobs are data)', () => {
    expect(services['redis'].command).toEqual(expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']));
  });

  it('offers MinIO for EVIDENCE_STORAGE=s3 under the s3 profile: the bucket is made before the processes start, which point at it', () => {
    for (const name of ['minio', 'minio-setup']) expect(services[name].profiles).toEqual(['s3']);
    expect(services['minio-setup'].depends_on?.['minio']).toEqual({ condition: 'service_healthy' });
    for (const name of ['api', 'worker']) {
      expect(services[name].depends_on?.['minio-setup']).toEqual({ condition: 'service_completed_successfully', required: false });
      expect(services[name].environment).toMatchObject({ EVIDENCE_STORAGE: '${EVIDENCE_STORAGE:-postgres}', EVIDENCE_S3_ENDPOINT: '${EVIDENCE_S3_ENDPOINT:-http://minio:9000}' });
    }
    expect(services['minio-setup'].environment?.['BUCKET']).toBe('${EVIDENCE_S3_BUCKET:-model-inventory-evidence}');
    expect(services['api'].environment?.['EVIDENCE_S3_BUCKET']).toBe('${EVIDENCE_S3_BUCKET:-model-inventory-evidence}');
  });

  it('hands the processes only variables their configuration validates', () => {
    const known = new Set(configurationVariables());
    expect(known).toContain('DATABASE_URL');
    for (const name of ['api', 'worker', 'migrate']) {
      const unknown = Object.keys(services[name].environment ?? {}).filter((variable) => !known.has(variable));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
  });
});
