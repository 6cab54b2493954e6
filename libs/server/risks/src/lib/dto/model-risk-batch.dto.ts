import { ApiProperty } from '@nestjs/swagger';
import { CreateModelRisksRequest, ModelRiskBatch, PatchModelRiskItem, PatchModelRisksRequest, RISK_BATCH_MAX } from '@model-inventory/contracts';
import { IsId } from '@model-inventory/server-core';
import { Type } from 'class-transformer';
import { ValidateBy, ValidateNested } from 'class-validator';
import { ModelRiskDto, PatchModelRiskDto } from './model-risk.dto';
import { ModelRiskResponseDto } from './model-risk-response.dto';

/** One rule and one message for the list itself: an array of 1 to `max` items (`noun`). */
const BatchSize = (max: number, noun: string) =>
  ValidateBy({
    name: 'batchSize',
    validator: {
      validate: (value: unknown) => Array.isArray(value) && value.length >= 1 && value.length <= max,
      defaultMessage: (args) =>
        Array.isArray(args?.value)
          ? `${args.property} must hold 1 to ${max} ${noun} (${args.value.length} sent); send more in several requests`
          : `${args?.property} must be an array of 1 to ${max} ${noun}`,
    },
  });

/** The body of a batch create: each item follows the single create's rules; an error names `items.N.field`. */
export class CreateModelRisksDto implements CreateModelRisksRequest {
  @ApiProperty({ type: [ModelRiskDto], minItems: 1, maxItems: RISK_BATCH_MAX, description: `1 to ${RISK_BATCH_MAX} risks, each as for POST /api/modelRisks.` })
  @BatchSize(RISK_BATCH_MAX, 'risks')
  @ValidateNested({ each: true, message: 'each item of items must be a risk (an object)' })
  @Type(() => ModelRiskDto)
  items!: ModelRiskDto[];
}

/** One item of a batch change: which risk, and its fields as in a PATCH. */
export class PatchModelRiskItemDto extends PatchModelRiskDto implements PatchModelRiskItem {
  @ApiProperty({ description: 'The risk to change.' })
  @IsId('id must be the id of a risk')
  id!: number;
}

/** The body of a batch change: each item follows the PATCH rules; an error names `items.N.field`. */
export class PatchModelRisksDto implements PatchModelRisksRequest {
  @ApiProperty({ type: [PatchModelRiskItemDto], minItems: 1, maxItems: RISK_BATCH_MAX, description: `1 to ${RISK_BATCH_MAX} changes, each risk at most once.` })
  @BatchSize(RISK_BATCH_MAX, 'changes')
  @ValidateNested({ each: true, message: 'each item of items must be a change of a risk (an object)' })
  @Type(() => PatchModelRiskItemDto)
  items!: PatchModelRiskItemDto[];
}

export class ModelRiskBatchResponseDto implements ModelRiskBatch {
  @ApiProperty({ type: [ModelRiskResponseDto], description: 'The risks written, in the order they were sent.' })
  items!: ModelRiskResponseDto[];
}
