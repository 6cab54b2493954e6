import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CurrentCountsResponse,
  SNAPSHOT_PARAMETERS,
  SnapshotCounts,
  SnapshotParameter,
  SnapshotResponse,
  TIMEFRAMES,
  Timeframe,
  TimeseriesPoint,
  TimeseriesResponse,
} from '@model-inventory/contracts';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { DEFAULT_TIMEFRAME, MAX_RANGE_YEARS } from '../timeseries';

const ParameterProperty = () =>
  ApiProperty({
    enum: [...SNAPSHOT_PARAMETERS],
    enumName: 'SnapshotParameter',
    description: '`status` counts models per approval status; `security_assessment` counts them with (`true`) and without (`false`) an assessment.',
  });

const CountsProperty = () =>
  ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    description: 'Bucket → number of live models. Every bucket is present, zeros included.',
    example: { Approved: 15, Restricted: 2, Pending: 3, Blocked: 0 },
  });

const DateQuery = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', example: '2025-01-17', description }),
    IsOptional(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date (YYYY-MM-DD)' }),
    IsISO8601({ strict: true }, { message: '$property must be a valid date' }),
  );

export class SnapshotParameterQueryDto {
  @ParameterProperty()
  @IsIn(SNAPSHOT_PARAMETERS)
  parameter!: SnapshotParameter;
}

export class TimeseriesQueryDto extends SnapshotParameterQueryDto {
  @ApiPropertyOptional({
    enum: [...TIMEFRAMES],
    enumName: 'Timeframe',
    default: DEFAULT_TIMEFRAME,
    description: 'Days ending today, today included: `7days` gives 7 points, `30days` 30, `90days` 90, `1year` 365. Default `30days`; not together with from/to.',
  })
  @IsOptional()
  @IsIn(TIMEFRAMES)
  timeframe?: Timeframe;

  @DateQuery(`First day (UTC) of a custom range, instead of a timeframe. The range may span at most ${MAX_RANGE_YEARS} years.`)
  from?: string;

  @DateQuery('Last day (UTC) of a custom range; default today. Days after today are left out. Needs `from`.')
  to?: string;
}

export class CreateSnapshotDto {
  @ParameterProperty()
  @IsIn(SNAPSHOT_PARAMETERS)
  parameter!: SnapshotParameter;
}

export class CurrentCountsResponseDto implements CurrentCountsResponse {
  @ParameterProperty()
  parameter!: SnapshotParameter;

  @CountsProperty()
  counts!: SnapshotCounts;

  @ApiProperty({ description: 'How many of the counted models are demo models (removable by an Admin).', example: 0 })
  demo_models!: number;
}

export class SnapshotResponseDto implements SnapshotResponse {
  @ApiProperty({ example: 1 })
  id!: number;

  @ParameterProperty()
  parameter!: SnapshotParameter;

  @CountsProperty()
  snapshot_data!: SnapshotCounts;

  @ApiProperty({ format: 'date-time' })
  recorded_at!: string;
}

export class TimeseriesPointDto implements TimeseriesPoint {
  @ApiProperty({ format: 'date-time', example: '2025-01-17T00:00:00.000Z', description: 'Start of the day (UTC).' })
  timestamp!: string;

  @CountsProperty()
  counts!: SnapshotCounts;
}

export class TimeseriesResponseDto implements TimeseriesResponse {
  @ParameterProperty()
  parameter!: SnapshotParameter;

  @ApiProperty({
    type: [TimeseriesPointDto],
    description:
      'One point per UTC day, oldest first. Each day shows the last snapshot recorded on or before it (all zeros before the first snapshot); a range that ends today ends with the live counts.',
  })
  points!: TimeseriesPointDto[];
}
