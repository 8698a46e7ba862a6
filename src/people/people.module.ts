import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import type { Environment } from '../config/environment';
import { ReviewersModule } from '../reviewers/reviewers.module';
import { PasswordSetupService } from './password-setup.service';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { SignInThrottle } from './sign-in-throttle';
import { SignInService } from './sign-in.service';
import { SingleSignOnService } from './single-sign-on.service';
import { TotpEnrolmentService } from './totp-enrolment.service';
import { TotpSecretBox } from './totp-secret-box';
import { UserSessionEntity } from './user-session.entity';
import { UserTokenEntity } from './user-token.entity';
import { UserEntity } from './user.entity';

/** People, their invitations and resets, their sessions and second factor; the pages (ui/) sign them in. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserTokenEntity, UserSessionEntity]), AuthModule, ReviewersModule],
  controllers: [PeopleController],
  providers: [
    PeopleRepository,
    SessionsRepository,
    PeopleService,
    SessionsService,
    SignInThrottle,
    SignInService,
    PasswordSetupService,
    TotpEnrolmentService,
    SingleSignOnService,
    {
      provide: TotpSecretBox,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        new TotpSecretBox(config.get('TOTP_ENCRYPTION_KEY', { infer: true })),
    },
  ],
  exports: [
    PeopleService,
    SessionsService,
    SignInService,
    PasswordSetupService,
    TotpEnrolmentService,
    SingleSignOnService,
  ],
})
export class PeopleModule {}
