import { Injectable } from '@nestjs/common';
import { PagesRepository } from './pages.repository';

export interface Actor {
  actorKeyId: string | null;
  actorUserId: string | null;
  actorRole: string;
  reviewerId: string | null;
}

/** Names for the ids the pages show: reviewers, the people and the keys that acted. */
export class PeopleDirectory {
  constructor(
    readonly reviewers: Map<string, string>,
    private readonly keys: Map<string, string>,
    private readonly users: Map<string, string>,
  ) {}

  reviewer(id: string | null | undefined): string | null {
    return id ? (this.reviewers.get(id) ?? 'a former reviewer') : null;
  }

  /** Who did it, in words: the person's name, the reviewer's, or the key's name and role, or the service. */
  actor(event: Actor): string {
    if (event.actorRole === 'system') return 'claimdesk (automatic)';
    const person = event.actorUserId ? this.users.get(event.actorUserId) : null;
    if (person) return event.actorRole === 'reviewer' ? person : `${person} (${event.actorRole})`;
    if (event.actorRole === 'reviewer' && event.reviewerId) return this.reviewer(event.reviewerId)!;
    const key = event.actorKeyId ? this.keys.get(event.actorKeyId) : null;
    return key ? `${key} (${event.actorRole})` : `an ${event.actorRole}`;
  }
}

@Injectable()
export class PeopleService {
  constructor(private readonly pages: PagesRepository) {}

  async directory(keyIds: (string | null)[], userIds: (string | null)[]): Promise<PeopleDirectory> {
    const [reviewers, keys, users] = await Promise.all([
      this.pages.reviewerNames(),
      this.pages.keyNames(distinct(keyIds)),
      this.pages.personNames(distinct(userIds)),
    ]);
    return new PeopleDirectory(reviewers, keys, users);
  }
}

/** The ids named, each once (events without a key or a person give null). */
function distinct(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id))];
}
