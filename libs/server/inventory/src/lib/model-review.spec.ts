import {
  MaterialField,
  ModelInventoryResponse,
  ModelStatus,
} from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';
import {
  assertRationaleGiven,
  materialChanges,
  reviewDecision,
} from './model-review';
import {
  DEFAULT_SETTINGS,
  OrganizationRules,
} from './settings/organization-settings.repository';

const { APPROVED, RESTRICTED, PENDING, BLOCKED } = ModelStatus;

const rules = (
  overrides: Partial<OrganizationRules> = {},
): OrganizationRules => ({
  approval_requires_evidence: DEFAULT_SETTINGS.approval_requires_evidence,
  review_on_material_change: true,
  material_fields: ['provider', 'version', 'capabilities'],
  require_status_rationale: false,
  ...overrides,
});

const model = (
  overrides: Partial<ModelInventoryResponse> = {},
): ModelInventoryResponse =>
  ({
    id: 1,
    organization_id: 7,
    provider: 'OpenAI',
    model: 'gpt',
    version: '4',
    capabilities: ['text', 'code'],
    hosting_provider: 'Azure',
    status: APPROVED,
    biases: '',
    ...overrides,
  }) as ModelInventoryResponse;

describe('materialChanges', () => {
  it('names the watched fields a change touched, comparing lists by value', () => {
    const before = model();
    const after = model({
      version: '5',
      capabilities: ['code', 'text'],
      biases: 'some',
    });

    expect(materialChanges(rules(), before, after)).toEqual([
      'version',
      'capabilities',
    ]);
    expect(
      materialChanges(
        rules(),
        before,
        model({ capabilities: ['text', 'code'] }),
      ),
    ).toEqual([]);
  });

  it('ignores changes to fields the organisation does not watch', () => {
    expect(
      materialChanges(
        rules(),
        model(),
        model({ hosting_provider: 'AWS', biases: 'new' }),
      ),
    ).toEqual([]);
  });

  it.each([APPROVED, RESTRICTED])('watches a %s model', (status) => {
    expect(
      materialChanges(
        rules(),
        model({ status }),
        model({ status, provider: 'Anthropic' }),
      ),
    ).toEqual(['provider']);
  });

  it.each([PENDING, BLOCKED])('does not watch a %s model', (status) => {
    expect(
      materialChanges(
        rules(),
        model({ status }),
        model({ status, provider: 'Anthropic' }),
      ),
    ).toEqual([]);
  });

  it('finds nothing while the re-review rule is off', () => {
    expect(
      materialChanges(
        rules({ review_on_material_change: false }),
        model(),
        model({ provider: 'Anthropic' }),
      ),
    ).toEqual([]);
  });
});

describe('reviewDecision', () => {
  const fields: MaterialField[] = ['provider', 'version'];

  it('sends the model back to Pending, recording which fields changed as the reason', () => {
    expect(reviewDecision(model({ status: RESTRICTED }), {}, fields)).toEqual({
      decision: {
        from: RESTRICTED,
        to: PENDING,
        rationale:
          'Review required: provider, version changed while the model was Restricted.',
      },
      forced: true,
    });
  });

  it('keeps the forced reason even when the request itself asks for Pending', () => {
    const { decision, forced } = reviewDecision(
      model(),
      { status: PENDING, status_rationale: 'mine' },
      fields,
    );

    expect(forced).toBe(true);
    expect(decision.rationale).toMatch(/^Review required/);
  });

  it("honours a decision sent in the same request (an approver's re-approval)", () => {
    expect(
      reviewDecision(
        model(),
        { status: APPROVED, status_rationale: 'checked v5' },
        fields,
      ),
    ).toEqual({
      decision: { from: APPROVED, to: APPROVED, rationale: 'checked v5' },
      forced: false,
    });
    expect(
      reviewDecision(model(), { status: BLOCKED }, fields).decision,
    ).toEqual({ from: APPROVED, to: BLOCKED, rationale: null });
  });
});

describe('assertRationaleGiven', () => {
  const strict = rules({ require_status_rationale: true });

  it.each([APPROVED, RESTRICTED, BLOCKED])(
    'requires a rationale to set %s when the rule is on, naming the field',
    (to) => {
      const attempt = () =>
        assertRationaleGiven(strict, { from: PENDING, to, rationale: null });

      expect(attempt).toThrow(ValidationFailedError);
      expect(attempt).toThrow(
        new RegExp(
          `^status_rationale: status_rationale is required to set ${to}`,
        ),
      );
    },
  );

  it('accepts a decision that gives a rationale, a move to Pending, or no decision', () => {
    expect(() =>
      assertRationaleGiven(strict, {
        from: PENDING,
        to: APPROVED,
        rationale: 'reviewed',
      }),
    ).not.toThrow();
    expect(() =>
      assertRationaleGiven(strict, {
        from: APPROVED,
        to: PENDING,
        rationale: null,
      }),
    ).not.toThrow();
    expect(() => assertRationaleGiven(strict, null)).not.toThrow();
  });

  it('requires nothing while the rule is off', () => {
    expect(() =>
      assertRationaleGiven(rules(), {
        from: PENDING,
        to: BLOCKED,
        rationale: null,
      }),
    ).not.toThrow();
  });
});
