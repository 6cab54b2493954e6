import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, PageQuery } from '@model-inventory/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ default: DEFAULT_PAGE_LIMIT, minimum: 1, maximum: MAX_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  @ApiPropertyOptional({ type: Number, default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  offset = 0;
}

/** A named OpenAPI schema for `Page<item>`, so generated clients get a real type per list. */
export function PageResponseDto<T>(item: ClassType<T>, name: string) {
  class PageResponse {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({ example: 1 })
    total!: number;

    @ApiProperty({ example: DEFAULT_PAGE_LIMIT })
    limit!: number;

    @ApiProperty({ example: 0 })
    offset!: number;
  }
  Object.defineProperty(PageResponse, 'name', { value: name });
  return PageResponse;
}
