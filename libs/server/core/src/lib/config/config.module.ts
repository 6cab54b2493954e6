import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, loadAppConfig, ProcessRole } from './app-config';

@Global()
@Module({})
export class CoreConfigModule {
  /**
   * Pass `config` in tests. Otherwise the environment is read when the application is created, not when this
   * module file is imported: main.ts validates it first, so a bad variable is reported there, without a stack.
   */
  static forRoot(role: ProcessRole, config?: AppConfig): DynamicModule {
    return {
      exports: [APP_CONFIG],
      module: CoreConfigModule,
      providers: config ? [{ provide: APP_CONFIG, useValue: config }] : [{ provide: APP_CONFIG, useFactory: () => loadAppConfig(role) }],
    };
  }
}
