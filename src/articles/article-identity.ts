import { createHash } from 'node:crypto';

/** Same title and body → same hash: the identity of an article posted without an externalId. */
export function contentHashOf(title: string, body: string): string {
  return createHash('sha256').update(title).update('\u0000').update(body).digest('hex');
}
