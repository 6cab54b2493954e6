export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __API_E2E_STACK__?: { stop(): Promise<void> } }).__API_E2E_STACK__?.stop();
}
