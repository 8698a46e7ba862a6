import { Injectable } from '@nestjs/common';
import { PagesRepository } from './pages.repository';

export interface Actor {
  actorKeyId: string | null;
  actorRole: string;
  reviewerId: string | null;
}

/** Names for the ids the pages show: reviewers and the keys that acted. */
export class PeopleDirectory {
  constructor(
    readonly reviewers: Map<string, string>,
    private readonly keys: Map<string, string>,
  ) {}

  reviewer(id: string | null | undefined): string | null {
    return id ? (this.reviewers.get(id) ?? 'a former reviewer') : null;
  }

  /** Who did it, in words: the reviewer's name, or the key's name and role, or the service. */
  actor(event: Actor): string {
    if (event.actorRole === 'system') return 'claimdesk (automatic)';
    if (event.actorRole === 'reviewer' && event.reviewerId) return this.reviewer(event.reviewerId)!;
    const key = event.actorKeyId ? this.keys.get(event.actorKeyId) : null;
    return key ? `${key} (${event.actorRole})` : `an ${event.actorRole}`;
  }
}

@Injectable()
export class PeopleService {
  constructor(private readonly pages: PagesRepository) {}

  async directory(keyIds: (string | null)[] = []): Promise<PeopleDirectory> {
    const ids = [...new Set(keyIds.filter((id): id is string => !!id))];
    const [reviewers, keys] = await Promise.all([this.pages.reviewerNames(), this.pages.keyNames(ids)]);
    return new PeopleDirectory(reviewers, keys);
  }
}
