/** Drops the run's database unless MI_KEEP_TEST_DATABASE is set (to inspect it after a failure). */
export default async function globalTeardown(): Promise<void> {
  const name = process.env['MI_TEST_DATABASE_NAME'];
  if (!name || process.env['MI_KEEP_TEST_DATABASE']) return;
  const { dropTestDatabase } = await import('./test-database');
  await dropTestDatabase(name);
}
