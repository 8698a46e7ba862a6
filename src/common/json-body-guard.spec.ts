import { jsonBodyProblem, MAX_JSON_DEPTH, prototypeKeyPaths, requireUtf8 } from './json-body-guard';

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

describe('prototypeKeyPaths', () => {
  it('finds __proto__ made an own property by JSON.parse, at the top and nested in objects and arrays', () => {
    const body = JSON.parse(
      '{"title":"t","__proto__":{"role":"admin"},"sources":[{"url":"u","constructor":{"prototype":{}}}],"a":{"b":{"prototype":1}}}',
    );
    expect(prototypeKeyPaths(body)).toEqual(['__proto__', 'a.b.prototype', 'sources.0.constructor']);
  });

  it('finds nothing in an ordinary body, or in values that only mention the words', () => {
    expect(
      prototypeKeyPaths({ title: '__proto__', body: 'constructor', topics: ['prototype'], n: 1, nothing: null }),
    ).toEqual([]);
    expect(prototypeKeyPaths('__proto__')).toEqual([]);
  });
});
