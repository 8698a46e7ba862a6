import type { UserEntity } from './user.entity';

export function toUserResponse(user: UserEntity) {
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
