import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ModelInventoryTabs } from '@model-inventory/contracts';
import { PageHeader } from '@model-inventory/web-shared-ui';
import { INVENTORY_TABS } from '../inventory-tabs';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIcon, MatTabLink, MatTabNav, MatTabNavPanel, PageHeader, RouterLink, RouterLinkActive, RouterOutlet],
  selector: 'mi-inventory-page',
  styleUrl: './inventory-page.scss',
  templateUrl: './inventory-page.html',
})
export class InventoryPage {
  protected readonly tabs = ModelInventoryTabs.map((path) => ({ path, ...INVENTORY_TABS[path] }));
}
