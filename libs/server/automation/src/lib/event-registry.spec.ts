import { EventRegistry } from './event-registry';

describe(EventRegistry.name, () => {
  it('presents a stored payload with the definition its domain registered', () => {
    const registry = new EventRegistry();
    registry.register({ name: 'model_added', present: (stored) => ({ model: { id: (stored['model'] as { id: number }).id } }) });
    expect(registry.has('model_added')).toBe(true);
    expect(registry.present('model_added', { model: { id: 3, organization_id: 1 } })).toEqual({ model: { id: 3 } });
  });

  it('sends an event no module registered as stored, and says it does not know it', () => {
    const registry = new EventRegistry();
    expect(registry.has('model_updated')).toBe(false);
    expect(registry.present('model_updated', { model: { id: 3 } })).toEqual({ model: { id: 3 } });
  });
});
