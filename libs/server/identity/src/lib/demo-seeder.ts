import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Role } from '@model-inventory/contracts';
import { APP_CONFIG, AppConfig } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from './entities/organization.entity';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';

export const DEMO_ORGANIZATION_NAME = 'Demo Organisation';

/** On a zero-configuration start, makes sure a newcomer has an organisation and an admin to sign in with. */
@Injectable()
export class DemoSeeder implements OnModuleInit {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.demo.seed) return;
    if ((await this.dataSource.getRepository(OrganizationEntity).count()) > 0) return;
    const { adminEmail, adminPassword } = this.config.demo;
    const passwordHash = await this.hasher.hash(adminPassword);
    await this.dataSource.transaction(async (manager) => {
      const organization = await manager.getRepository(OrganizationEntity).save({ name: DEMO_ORGANIZATION_NAME });
      await manager.getRepository(UserEntity).insert({
        organization_id: organization.id,
        name: 'Demo Admin',
        email: adminEmail.toLowerCase(),
        password_hash: passwordHash,
        role: Role.Admin,
      });
    });
    this.logger.log(`Created the demo organisation and its admin ${adminEmail}`);
  }
}
