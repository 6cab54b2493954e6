import { Type } from '@angular/core';
import { Route, Routes } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { guestGuard } from '@model-inventory/web-core';
import { AuthLayout } from './auth-layout/auth-layout';
import { LoginPage } from './login-page/login-page';
import { SignupPage } from './signup-page/signup-page';
import { AcceptInvitationPage } from './accept-invitation-page/accept-invitation-page';

function guestPage(path: string, component: Type<unknown>, title: string): Route {
  return {
    canActivate: [guestGuard],
    children: [{ component, path: '', title: `${title} · Model Inventory` }],
    component: AuthLayout,
    path,
  };
}

export const routes: Routes = [
  guestPage(WebRoutes.login, LoginPage, 'Sign in'),
  guestPage(WebRoutes.signup, SignupPage, 'Create an organisation'),
  guestPage(WebRoutes.acceptInvitation, AcceptInvitationPage, 'Accept invitation'),
];
