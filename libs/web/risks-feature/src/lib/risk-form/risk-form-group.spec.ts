import { ModelRiskLevel, ModelRiskStatus, RiskRating } from '@model-inventory/contracts';
import { aRisk } from '@model-inventory/web-risks-data-access';
import { createRiskForm, formValueOf, toRiskRequest } from './risk-form-group';

describe('risk form group', () => {
  it('asks for what the API requires: name, model, category, level, owner and target date', () => {
    const form = createRiskForm();
    const missing = Object.entries(form.controls)
      .filter(([, control]) => control.hasError('required'))
      .map(([name]) => name);

    expect(missing.sort()).toEqual(['model_id', 'owner', 'risk_category', 'risk_level', 'risk_name', 'target_date']);
    form.controls.owner.setValue('   ');
    expect(form.controls.owner.hasError('required')).toBe(true);
  });

  it('sends every field on a save, cleared optional text as null and no status, so an edit keeps the status', () => {
    const risk = aRisk({ key_metrics: 'Accuracy on the weekly sample', status: ModelRiskStatus.IN_PROGRESS, target_date: '2026-03-31' });
    const value = { ...formValueOf(risk), key_metrics: '  ', risk_name: '  Drift in the scoring data  ' };

    expect(toRiskRequest(value)).toEqual({
      current_values: null,
      description: risk.description,
      impact: RiskRating.HIGH,
      key_metrics: null,
      likelihood: RiskRating.MEDIUM,
      mitigation_plan: null,
      model_id: 1,
      owner: 'risk.officer@acme.test',
      risk_category: risk.risk_category,
      risk_level: ModelRiskLevel.HIGH,
      risk_name: 'Drift in the scoring data',
      target_date: '2026-03-31',
      threshold: null,
    });
  });
});
