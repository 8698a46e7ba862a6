import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills in defaults for the local Postgres and Redis', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/claimdesk');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379/0');
    expect(env.PORT).toBe(3000);
  });

  it('names the service in links by its port unless PUBLIC_URL says otherwise', () => {
    expect(validateEnvironment({ PORT: '4100' })).toMatchObject({ PUBLIC_URL: 'http://localhost:4100', ORGANIZATION_URL: 'http://localhost:4100' });
    expect(validateEnvironment({ PORT: '4100', PUBLIC_URL: 'https://desk.example/' })).toMatchObject({ PUBLIC_URL: 'https://desk.example', ORGANIZATION_URL: 'https://desk.example' });
  });

  it('stops with a message naming the variable that is wrong', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ QUEUE_PREFIX: 'claimdesk' })).toThrow(/QUEUE_PREFIX must look like \{name\}/);
  });

  it('never quotes a key or a URL password in that message', () => {
    const key = 'cdk_0123456789abcdef_too-short';
    expect(() => validateEnvironment({ ADMIN_API_KEY: key })).toThrow(/ADMIN_API_KEY/);
    expect(() => validateEnvironment({ ADMIN_API_KEY: key })).not.toThrow(new RegExp(key));
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://user:s3cret@db/claimdesk' })).toThrow(/DATABASE_URL/);
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://user:s3cret@db/claimdesk' })).not.toThrow(/s3cret/);
  });
});
