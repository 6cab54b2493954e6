export * from './lib/projects.module';
export * from './lib/projects.repository';
export * from './lib/entities/framework.entity';
export * from './lib/entities/project.entity';
