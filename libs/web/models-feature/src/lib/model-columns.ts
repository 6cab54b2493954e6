import { Injectable, signal } from '@angular/core';
import { ModelInventorySortField } from '@model-inventory/contracts';

export const MODEL_COLUMN_KEYS = [
  'provider',
  'model',
  'version',
  'approver',
  'security_assessment',
  'status',
  'status_date',
  'open_risk_count',
  'hosting_provider',
  'capabilities',
  'projects',
  'frameworks',
  'updated_at',
] as const;
export type ModelColumnKey = (typeof MODEL_COLUMN_KEYS)[number];

export interface ModelColumn {
  key: ModelColumnKey;
  label: string;
  /** The API sort field, for sortable columns. */
  sortField?: ModelInventorySortField;
  /** Shown until the user chooses otherwise. */
  visibleByDefault: boolean;
  /** The column that names the row can never be hidden. */
  required?: boolean;
}

export const MODEL_COLUMNS: readonly ModelColumn[] = [
  { key: 'provider', label: 'Provider', sortField: 'provider', visibleByDefault: true },
  { key: 'model', label: 'Model', required: true, sortField: 'model', visibleByDefault: true },
  { key: 'version', label: 'Version', sortField: 'version', visibleByDefault: true },
  { key: 'approver', label: 'Approver', sortField: 'approver', visibleByDefault: true },
  { key: 'security_assessment', label: 'Assessment', sortField: 'security_assessment', visibleByDefault: true },
  { key: 'status', label: 'Status', sortField: 'status', visibleByDefault: true },
  { key: 'status_date', label: 'Status date', sortField: 'status_date', visibleByDefault: true },
  { key: 'open_risk_count', label: 'Open risks', sortField: 'open_risk_count', visibleByDefault: true },
  { key: 'hosting_provider', label: 'Hosting', visibleByDefault: false },
  { key: 'capabilities', label: 'Capabilities', visibleByDefault: false },
  { key: 'projects', label: 'Projects', visibleByDefault: false },
  { key: 'frameworks', label: 'Frameworks', visibleByDefault: false },
  { key: 'updated_at', label: 'Last updated', sortField: 'updated_at', visibleByDefault: false },
];

export const COLUMNS_STORAGE_KEY = 'model-inventory.models.columns';

const DEFAULT_COLUMNS = MODEL_COLUMNS.filter((column) => column.visibleByDefault).map((column) => column.key);

/** Which table columns the user shows; remembered in this browser. */
@Injectable({ providedIn: 'root' })
export class ModelColumnPreferences {
  private readonly visibleState = signal<readonly ModelColumnKey[]>(readColumns());

  /** Visible columns, always in the table's order. */
  readonly visible = this.visibleState.asReadonly();

  toggle(key: ModelColumnKey, visible: boolean): void {
    const column = MODEL_COLUMNS.find((candidate) => candidate.key === key);
    if (!column || column.required) {
      return;
    }
    const chosen = new Set(this.visibleState());
    if (visible) {
      chosen.add(key);
    } else {
      chosen.delete(key);
    }
    this.save(MODEL_COLUMN_KEYS.filter((candidate) => chosen.has(candidate)));
  }

  reset(): void {
    this.save(DEFAULT_COLUMNS);
  }

  private save(columns: readonly ModelColumnKey[]): void {
    this.visibleState.set(columns);
    try {
      localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(columns));
    } catch {
      // Storage may be full or disabled; the choice then lasts for this visit.
    }
  }
}

function readColumns(): readonly ModelColumnKey[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? 'null');
    if (Array.isArray(stored)) {
      const chosen = new Set(stored);
      const columns = MODEL_COLUMNS.filter((column) => column.required || chosen.has(column.key)).map((column) => column.key);
      if (columns.length > 1) {
        return columns;
      }
    }
  } catch {
    // fall back to the defaults
  }
  return DEFAULT_COLUMNS;
}

/** Where the column chooser opens relative to its button, and how tall it may be there. */
export interface ColumnsMenuPlacement {
  yPosition: 'above' | 'below';
  maxHeight: number;
}

/** Room kept to the window's edge, the app bar the menu must not cover, and the least room worth opening below in. */
const MENU_MARGIN_PX = 12;
const APP_BAR_PX = 64;
const MENU_MIN_HEIGHT_PX = 200;

/**
 * The column chooser is sized to the room beside its button before it opens, so it stays attached to the button
 * (scrolling inside if need be) instead of being pushed over the page's header.
 */
export function placeColumnsMenu(button: Pick<DOMRect, 'top' | 'bottom'>, windowHeight: number): ColumnsMenuPlacement {
  const below = windowHeight - button.bottom - MENU_MARGIN_PX;
  const above = button.top - APP_BAR_PX - MENU_MARGIN_PX;
  const yPosition = below >= MENU_MIN_HEIGHT_PX || below >= above ? 'below' : 'above';
  return { maxHeight: Math.floor(Math.max(yPosition === 'below' ? below : above, 120)), yPosition };
}
