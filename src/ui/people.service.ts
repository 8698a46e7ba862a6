import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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
    private readonly users: Map<string, string> = new Map(),
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async directory(keyIds: (string | null)[] = [], userIds: (string | null)[] = []): Promise<PeopleDirectory> {
    const ids = [...new Set(keyIds.filter((id): id is string => !!id))];
    const people = [...new Set(userIds.filter((id): id is string => !!id))];
    const [reviewers, keys, users] = await Promise.all([
      this.dataSource.query(`SELECT id, name FROM reviewers`) as Promise<{ id: string; name: string }[]>,
      ids.length ? (this.dataSource.query(`SELECT id, name FROM api_keys WHERE id = ANY($1)`, [ids]) as Promise<{ id: string; name: string }[]>) : [],
      people.length ? (this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1)`, [people]) as Promise<{ id: string; name: string }[]>) : [],
    ]);
    const named = (rows: { id: string; name: string }[]) => new Map(rows.map((row) => [row.id, row.name]));
    return new PeopleDirectory(named(reviewers), named(keys), named(users));
  }
}
