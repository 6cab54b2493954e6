import { ApiProperty } from '@nestjs/swagger';
import { ChangeAction, ChangeHistoryEntry, ChangeHistoryPage } from '@model-inventory/contracts';

const CHANGE_ACTIONS: ChangeAction[] = ['created', 'updated', 'deleted'];

export class ChangeHistoryEntryDto implements ChangeHistoryEntry {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 42 })
  model_inventory_id!: number;

  @ApiProperty({ enum: CHANGE_ACTIONS, enumName: 'ChangeAction' })
  action!: ChangeAction;

  @ApiProperty({ example: 'status' })
  field_name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Pending' })
  old_value!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Approved' })
  new_value!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Null for changes made by the system (e.g. a sync).' })
  changed_by_user_id!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Jane Doe', description: 'Kept after the user is deleted.' })
  changed_by_name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'jane.doe@example.com' })
  changed_by_email!: string | null;

  @ApiProperty({ format: 'date-time' })
  changed_at!: string;
}

export class ChangeHistoryPageDto implements ChangeHistoryPage {
  @ApiProperty({ type: [ChangeHistoryEntryDto], description: 'Newest first.' })
  items!: ChangeHistoryEntryDto[];

  @ApiProperty({ example: 12, description: 'All entries of the model, across pages.' })
  total!: number;
}
