import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FrameworkEntity } from './entities/framework.entity';
import { ProjectEntity } from './entities/project.entity';
import { FrameworksController, ProjectsController } from './projects.controller';
import { FrameworksRepository, ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

@Module({
  controllers: [FrameworksController, ProjectsController],
  exports: [FrameworksRepository, ProjectsRepository],
  imports: [TypeOrmModule.forFeature([FrameworkEntity, ProjectEntity])],
  providers: [FrameworksRepository, ProjectsRepository, ProjectsService],
})
export class ProjectsModule {}
