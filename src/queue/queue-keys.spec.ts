import { queueKey, queueKeyPrefix, reconciledMarkerKey, throttleKey } from './queue-keys';
import { ALL_QUEUES } from './queue-names';
import { clusterNodesFrom } from './redis-connection';

/** The hash tag of a key as Redis Cluster reads it: the text between the first `{` and the next `}`, if not empty. */
function hashTag(key: string): string | null {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open + 1);
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : null;
}

describe('queue keys', () => {
  it('gives every queue a hash tag of its own within the deployment', () => {
    const tags = ALL_QUEUES.map((queue) => hashTag(queueKey('{claimdesk}', queue, 'wait')));
    expect(tags).toEqual([
      'claimdesk:article-extraction',
      'claimdesk:claim-review',
      'claimdesk:callback-delivery',
      'claimdesk:claim-matching',
    ]);
    expect(queueKeyPrefix('{claimdesk-test-3}', 'claim-review')).toBe('{claimdesk-test-3:claim-review}');
  });

  it('keeps each queue’s keys under one tag, as BullMQ names them', () => {
    expect(queueKey('{claimdesk}', 'article-extraction', 'failed')).toBe(
      '{claimdesk:article-extraction}:article-extraction:failed',
    );
    expect(hashTag(queueKey('{claimdesk}', 'claim-review', 'lease-1-2'))).toBe(
      hashTag(queueKey('{claimdesk}', 'claim-review', 'wait')),
    );
  });

  it('hashes rate-limit windows whole, so they spread; the marker stays in the deployment’s tag', () => {
    expect(hashTag(throttleKey('{claimdesk}', 'default', 'key:1b4e28ba'))).toBeNull();
    expect(throttleKey('{claimdesk}', 'auth-failures', 'ip:127.0.0.1')).toBe(
      'claimdesk:throttle:auth-failures:ip:127.0.0.1',
    );
    expect(reconciledMarkerKey('{claimdesk}')).toBe('{claimdesk}:reconciled');
  });

  it('reads REDIS_CLUSTER_NODES as startup nodes', () => {
    expect(clusterNodesFrom('127.0.0.1:7301,redis-b.internal:7302')).toEqual([
      { host: '127.0.0.1', port: 7301 },
      { host: 'redis-b.internal', port: 7302 },
    ]);
  });
});
