import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ReviewModule } from '../review/review.module';
import { ReviewerEntity } from './reviewer.entity';
import { ReviewersController } from './reviewers.controller';
import { ReviewersService } from './reviewers.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReviewerEntity]), ReviewModule, AuthModule],
  controllers: [ReviewersController],
  providers: [ReviewersService],
  exports: [ReviewersService],
})
export class ReviewersModule {}
