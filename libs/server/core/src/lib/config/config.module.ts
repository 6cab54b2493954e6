import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, loadAppConfig, ProcessRole } from './app-config';

@Global()
@Module({})
export class CoreConfigModule {
  /** Pass `config` in tests; otherwise the environment is validated here, once. */
  static forRoot(role: ProcessRole, config?: AppConfig): DynamicModule {
    return {
      exports: [APP_CONFIG],
      module: CoreConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config ?? loadAppConfig(role) }],
    };
  }
}
