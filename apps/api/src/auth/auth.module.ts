import { DynamicModule, Module } from '@nestjs/common';
import { AuthConfigController, DevAuthController } from './auth.controller';

/** Sign-in configuration, and the demo-user login in dev mode only (the config refuses dev mode in production). */
@Module({})
export class AuthApiModule {
  static forRoot(mode: 'dev' | 'oidc'): DynamicModule {
    return { module: AuthApiModule, controllers: mode === 'dev' ? [AuthConfigController, DevAuthController] : [AuthConfigController] };
  }
}
