import { Component } from '@angular/core';

@Component({
  selector: 'mi-web-auth-feature',
  imports: [],
  templateUrl: './web-auth-feature.html',
  styleUrl: './web-auth-feature.css',
})
export class WebAuthFeature {}
