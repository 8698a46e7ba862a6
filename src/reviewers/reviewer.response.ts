import type { ReviewerEntity } from './reviewer.entity';

export function toReviewerResponse(reviewer: ReviewerEntity) {
  return {
    id: reviewer.id,
    name: reviewer.name,
    email: reviewer.email,
    languages: reviewer.languages,
    topics: reviewer.topics,
    capacity: reviewer.capacity,
    active: reviewer.active,
    openClaims: reviewer.openClaims ?? 0,
    lastAssignedAt: reviewer.lastAssignedAt,
    createdAt: reviewer.createdAt,
    updatedAt: reviewer.updatedAt,
  };
}
