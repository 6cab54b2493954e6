import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebAuthFeature } from './web-auth-feature';

describe('WebAuthFeature', () => {
  let component: WebAuthFeature;
  let fixture: ComponentFixture<WebAuthFeature>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebAuthFeature],
    }).compileComponents();

    fixture = TestBed.createComponent(WebAuthFeature);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
