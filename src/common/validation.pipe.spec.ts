import { prototypeKeyPaths } from './validation.pipe';

describe('prototypeKeyPaths', () => {
  it('finds __proto__ made an own property by JSON.parse, at the top and nested in objects and arrays', () => {
    const body = JSON.parse('{"title":"t","__proto__":{"role":"admin"},"sources":[{"url":"u","constructor":{"prototype":{}}}],"a":{"b":{"prototype":1}}}');
    expect(prototypeKeyPaths(body)).toEqual(['__proto__', 'a.b.prototype', 'sources.0.constructor']);
  });

  it('finds nothing in an ordinary body, or in values that only mention the words', () => {
    expect(prototypeKeyPaths({ title: '__proto__', body: 'constructor', topics: ['prototype'], n: 1, nothing: null })).toEqual([]);
    expect(prototypeKeyPaths('__proto__')).toEqual([]);
  });
});
