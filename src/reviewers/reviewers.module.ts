import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ClaimsModule } from '../claims/claims.module';
import { ReviewModule } from '../review/review.module';
import { ReviewerEntity } from './reviewer.entity';
import { ReviewersController } from './reviewers.controller';
import { ReviewersRepository } from './reviewers.repository';
import { ReviewersService } from './reviewers.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReviewerEntity]), ClaimsModule, ReviewModule, AuthModule],
  controllers: [ReviewersController],
  providers: [ReviewersRepository, ReviewersService],
  exports: [ReviewersService],
})
export class ReviewersModule {}
