import { Routes } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { guestGuard } from '@model-inventory/web-core';
import { AuthLayout } from './auth-layout/auth-layout';
import { LoginPage } from './login-page/login-page';
import { SignupPage } from './signup-page/signup-page';

export const routes: Routes = [
  {
    canActivate: [guestGuard],
    children: [
      { component: LoginPage, path: WebRoutes.login, title: 'Sign in · Model Inventory' },
      { component: SignupPage, path: WebRoutes.signup, title: 'Create an organisation · Model Inventory' },
    ],
    component: AuthLayout,
    path: '',
  },
];
