import { Module } from '@nestjs/common';
import { CoreConfigModule, LoggingModule } from '@model-inventory/server-core';
import { IdentityModule } from '@model-inventory/server-identity';
import { DatabaseModule, HealthModule, HttpPlatformModule, QueueModule, SystemModule } from '@model-inventory/server-platform';
import { ProjectsModule } from '@model-inventory/server-projects';

@Module({
  imports: [
    CoreConfigModule.forRoot('api'),
    DatabaseModule,
    HealthModule,
    HttpPlatformModule,
    IdentityModule,
    LoggingModule,
    ProjectsModule,
    QueueModule,
    SystemModule,
  ],
})
export class AppModule {}
