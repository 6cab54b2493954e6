import { bootstrapApplication } from '@angular/platform-browser';
import { firstScreenSettled } from '@model-inventory/web-core';
import { appConfig } from './app/app.config';
import { App } from './app/app';

/** The longest the console waits for index.html's picture of the Models list before starting anyway. */
const FIRST_SCREEN_WAIT_MS = 1000;

firstScreenSettled(FIRST_SCREEN_WAIT_MS)
  .then(() => bootstrapApplication(App, appConfig))
  .catch((err) => console.error(err));
