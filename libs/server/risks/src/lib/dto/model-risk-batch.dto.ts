import { ApiProperty } from '@nestjs/swagger';
import { CreateModelRisksRequest, ModelRiskBatch, RISK_BATCH_MAX } from '@model-inventory/contracts';
import { Type } from 'class-transformer';
import { ValidateBy, ValidateNested } from 'class-validator';
import { ModelRiskDto } from './model-risk.dto';
import { ModelRiskResponseDto } from './model-risk-response.dto';

/** One rule and one message for the list itself: an array of 1 to `max` items. */
const BatchSize = (max: number) =>
  ValidateBy({
    name: 'batchSize',
    validator: {
      validate: (value: unknown) => Array.isArray(value) && value.length >= 1 && value.length <= max,
      defaultMessage: (args) =>
        Array.isArray(args?.value)
          ? `${args.property} must hold 1 to ${max} risks (${args.value.length} sent); send more in several requests`
          : `${args?.property} must be an array of 1 to ${max} risks`,
    },
  });

/** The body of a batch create: each item follows the single create's rules; an error names `items.N.field`. */
export class CreateModelRisksDto implements CreateModelRisksRequest {
  @ApiProperty({ type: [ModelRiskDto], minItems: 1, maxItems: RISK_BATCH_MAX, description: `1 to ${RISK_BATCH_MAX} risks, each as for POST /api/modelRisks.` })
  @BatchSize(RISK_BATCH_MAX)
  @ValidateNested({ each: true, message: 'each item of items must be a risk (an object)' })
  @Type(() => ModelRiskDto)
  items!: ModelRiskDto[];
}

export class ModelRiskBatchResponseDto implements ModelRiskBatch {
  @ApiProperty({ type: [ModelRiskResponseDto], description: 'The risks written, in the order they were sent.' })
  items!: ModelRiskResponseDto[];
}
