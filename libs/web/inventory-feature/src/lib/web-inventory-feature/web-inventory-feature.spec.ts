import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebInventoryFeature } from './web-inventory-feature';

describe('WebInventoryFeature', () => {
  let component: WebInventoryFeature;
  let fixture: ComponentFixture<WebInventoryFeature>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebInventoryFeature],
    }).compileComponents();

    fixture = TestBed.createComponent(WebInventoryFeature);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
