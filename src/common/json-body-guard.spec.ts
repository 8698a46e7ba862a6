import { jsonBodyProblem, MAX_JSON_DEPTH, prototypeKeyProblem, requireUtf8 } from './json-body-guard';

const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('jsonBodyProblem', () => {
  it('accepts ordinary bodies, emoji and right-to-left text included', () => {
    expect(
      jsonBodyProblem({ title: 'T 😀 \u202eمرحبا', sources: [{ url: 'https://example.org', quote: 'q' }] }),
    ).toBeNull();
    expect(jsonBodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
  });

  it('refuses nesting deeper than the limit, however deep, without overflowing the stack', () => {
    expect(jsonBodyProblem(nested(MAX_JSON_DEPTH + 1))).toMatch(/nested/);
    expect(jsonBodyProblem(nested(200_000))).toMatch(/nested/);
  });

  it('refuses NUL characters and unpaired surrogates, in values and in keys', () => {
    expect(jsonBodyProblem({ body: 'a\u0000b' })).toMatch(/NUL/);
    expect(jsonBodyProblem({ ['k\u0000']: 1 })).toMatch(/NUL/);
    expect(jsonBodyProblem({ body: ['x\ud800'] })).toMatch(/surrogate/);
    expect(jsonBodyProblem({ body: '\udc00x' })).toMatch(/surrogate/);
  });
});

describe('requireUtf8', () => {
  const check =
    (bytes: number[], encoding = 'utf-8') =>
    () =>
      requireUtf8({} as never, {} as never, Buffer.from(bytes), encoding);

  it('passes UTF-8, and leaves other declared charsets to the parser', () => {
    expect(check([...Buffer.from('{"a":"é😀"}')])).not.toThrow();
    expect(check([0xff, 0xfe], 'utf-16le')).not.toThrow();
  });

  it('refuses bytes that are not UTF-8 with a 400 the exception filter recognises', () => {
    for (const bytes of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      expect(check(bytes)).toThrow(expect.objectContaining({ status: 400, type: 'entity.invalid' }));
    }
  });
});

describe('prototypeKeyProblem', () => {
  it.each([
    ['__proto__ at the top', '{"title":"t","__proto__":{"role":"admin"}}'],
    ['__proto__ nested in an array', '{"sources":[{"url":"u","__proto__":{"isAdmin":true}}]}'],
    ['constructor.prototype nested', '{"a":{"constructor":{"prototype":{"role":"admin"}}}}'],
  ])('refuses %s, made an own property by JSON.parse', (_, json) => {
    expect(prototypeKeyProblem(JSON.parse(json))).toMatch(/__proto__/);
  });

  it('finds nothing in an ordinary body, or in values that only mention the words', () => {
    expect(
      prototypeKeyProblem({ title: '__proto__', body: 'constructor', topics: ['prototype'], n: 1, nothing: null }),
    ).toBeNull();
    expect(prototypeKeyProblem('__proto__')).toBeNull();
  });
});
