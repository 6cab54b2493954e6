export function serverDatabase(): string {
  return 'server-database';
}
