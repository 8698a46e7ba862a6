import type { ReviewerEntity } from './reviewer.entity';

export function toReviewerResponse(reviewer: ReviewerEntity, openClaims: number) {
  return {
    id: reviewer.id,
    name: reviewer.name,
    email: reviewer.email,
    languages: reviewer.languages,
    topics: reviewer.topics,
    capacity: reviewer.capacity,
    active: reviewer.active,
    openClaims,
    lastAssignedAt: reviewer.lastAssignedAt,
    createdAt: reviewer.createdAt,
    updatedAt: reviewer.updatedAt,
  };
}
