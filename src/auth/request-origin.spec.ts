import { csrfTokenFor, csrfTokenMatches, foreignOriginOf, isPagePath } from './request-origin';

const PUBLIC_URL = 'https://desk.example.org';

describe('isPagePath', () => {
  it('takes the pages and the queue dashboard in any letter case, and no API route', () => {
    expect(['/ui', '/ui/review/next', '/admin/queues/ui', '/admin/queues/ui/api/queues'].every(isPagePath)).toBe(true);
    expect(['/UI/login', '/Ui/review/next', '/ADMIN/Queues/UI'].every(isPagePath)).toBe(true);
    expect(['/admin/keys', '/claims/x/transitions', '/uix', '/admin/queues', '/review/next'].some(isPagePath)).toBe(
      false,
    );
  });
});

describe('csrf tokens', () => {
  it('match only the session they were made for', () => {
    const token = csrfTokenFor('cdk_session_one');
    expect(csrfTokenMatches('cdk_session_one', token)).toBe(true);
    expect(csrfTokenMatches('cdk_session_two', token)).toBe(false);
    expect(csrfTokenMatches('cdk_session_one', undefined)).toBe(false);
    expect(csrfTokenMatches('cdk_session_one', [token])).toBe(false);
    expect(csrfTokenMatches('cdk_session_one', `${token}x`)).toBe(false);
  });
});

describe('foreignOriginOf', () => {
  it('lets the service’s own origin through, by PUBLIC_URL or by the request’s host', () => {
    expect(foreignOriginOf({ origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' }, 'http', PUBLIC_URL)).toBeNull();
    expect(foreignOriginOf({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, 'http', PUBLIC_URL)).toBeNull();
    expect(foreignOriginOf({}, 'http', PUBLIC_URL)).toBeNull();
    expect(foreignOriginOf({ origin: 'null', 'sec-fetch-site': 'same-origin' }, 'https', PUBLIC_URL)).toBeNull();
  });

  it('refuses other sites, same-site siblings and opaque origins', () => {
    expect(foreignOriginOf({ 'sec-fetch-site': 'cross-site' }, 'https', PUBLIC_URL)).toMatch(/another site/);
    expect(foreignOriginOf({ 'sec-fetch-site': 'cross-site', origin: 'null' }, 'https', PUBLIC_URL)).toMatch(
      /another site/,
    );
    expect(
      foreignOriginOf({ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }, 'https', PUBLIC_URL),
    ).toMatch(/another origin/);
    expect(
      foreignOriginOf({ 'sec-fetch-site': 'same-site', origin: 'https://blog.example.org' }, 'https', PUBLIC_URL),
    ).toMatch(/another site/);
    expect(foreignOriginOf({ origin: 'https://evil.example', host: 'desk.example.org' }, 'https', PUBLIC_URL)).toMatch(
      /another origin/,
    );
    expect(foreignOriginOf({ origin: 'null', host: 'desk.example.org' }, 'https', PUBLIC_URL)).toMatch(
      /another origin/,
    );
    expect(
      foreignOriginOf({ origin: 'http://desk.example.org', host: 'desk.example.org' }, 'https', PUBLIC_URL),
    ).toMatch(/another origin/);
  });
});
