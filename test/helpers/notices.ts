import type { TestPerson, TestService } from './test-service';

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A key the admin makes for `person`: what it reads of notifications is the person's own (sessions are for pages). */
export async function personKey(t: TestService, person: TestPerson, role: 'editor' | 'reviewer'): Promise<string> {
  const res = await t
    .http()
    .post('/admin/keys')
    .set(auth(t.adminKey))
    .send({ name: `key of ${person.name}`, role, ownerUserId: person.id, reviewerId: person.reviewerId ?? undefined });
  if (res.status !== 201) throw new Error(`POST /admin/keys: ${res.status} ${res.text}`);
  return res.body.key as string;
}

/** The notices of one kind that `GET /notifications` gives the key's person, newest first. */
export async function noticesOfKind(
  t: TestService,
  key: string,
  kind: string,
): Promise<{ id: string; kind: string; claimId: string }[]> {
  const res = await t.http().get('/notifications').set(auth(key));
  if (res.status !== 200) throw new Error(`GET /notifications: ${res.status} ${res.text}`);
  return res.body.items.filter((n: { kind: string }) => n.kind === kind);
}
