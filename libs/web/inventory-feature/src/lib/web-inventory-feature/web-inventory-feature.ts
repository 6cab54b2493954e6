import { Component } from '@angular/core';

@Component({
  selector: 'mi-web-inventory-feature',
  imports: [],
  templateUrl: './web-inventory-feature.html',
  styleUrl: './web-inventory-feature.css',
})
export class WebInventoryFeature {}
