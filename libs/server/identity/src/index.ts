export * from './lib/identity.module';
export * from './lib/entities/organization.entity';
export * from './lib/entities/user.entity';
export * from './lib/users.repository';
export * from './lib/password-hasher';
export * from './lib/demo-seeder';
export * from './lib/guards/credential-cache';
