import { Type as ClassType } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CHANGE_ACTIONS, ChangeAction, FieldChangeEntry } from '@model-inventory/contracts';

export class FieldChangeEntryDto implements FieldChangeEntry {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ enum: CHANGE_ACTIONS, enumName: 'ChangeAction' })
  action!: ChangeAction;

  @ApiProperty({ example: 'status' })
  field_name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Pending' })
  old_value!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Approved' })
  new_value!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Null for changes made by the system (e.g. a sync); changed_by_name then names it.' })
  changed_by_user_id!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Jane Doe', description: 'Kept after the user is deleted.' })
  changed_by_name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'jane.doe@example.com' })
  changed_by_email!: string | null;

  @ApiProperty({ format: 'date-time' })
  changed_at!: string;
}

/** A named OpenAPI schema for a page of one entity type's history entries. */
export function ChangeHistoryPageDto<T extends FieldChangeEntryDto>(entry: ClassType<T>, name: string) {
  class ChangeHistoryPageResponse {
    @ApiProperty({ type: [entry], description: 'Newest first.' })
    items!: T[];

    @ApiProperty({ example: 12, description: 'All entries of the entity, across pages.' })
    total!: number;
  }
  Object.defineProperty(ChangeHistoryPageResponse, 'name', { value: name });
  return ChangeHistoryPageResponse;
}
