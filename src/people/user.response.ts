import { ApiProperty } from '@nestjs/swagger';
import { PERSON_ROLES, type PersonRole, type UserEntity } from './user.entity';

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PERSON_ROLES })
  role: PersonRole;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "A reviewer's profile" })
  reviewerId: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: 'False until the invitation is accepted' })
  passwordSet: boolean;

  @ApiProperty({ description: 'A TOTP second factor is enrolled' })
  twoFactor: boolean;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class InvitedUserResponse extends UserResponse {
  @ApiProperty({ description: 'The one-time invitation link, shown in this answer only' })
  inviteUrl: string;
}

export class PasswordResetResponse {
  @ApiProperty({ description: 'The one-time link to set a new password, shown in this answer only' })
  resetUrl: string;
}

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    reviewerId: user.reviewerId,
    active: user.active,
    passwordSet: user.passwordHash !== null,
    twoFactor: user.totpEnabledAt !== null,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
