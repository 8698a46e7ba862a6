import { Nullable, refusedNullPaths } from './nullable';

class Source {
  url?: string;
  @Nullable()
  title?: string | null;
}

class Move {
  expectedVersion?: number;
  @Nullable()
  dueAt?: Date | null;
  sources?: Source[];
}

class Revision extends Move {}

const of = <T extends object>(type: new () => T, fields: Partial<T>) => Object.assign(new type(), fields);

describe('refusedNullPaths', () => {
  it('names a null in a field that is not @Nullable(), at the top and in nested DTOs', () => {
    const move = of(Move, {
      expectedVersion: null as never,
      sources: [of(Source, { url: null as never, title: null }), null as never],
    });
    expect(refusedNullPaths(move)).toEqual(['expectedVersion', 'sources.0.url', 'sources.1']);
  });

  it('takes null where the field says it means none, also in a subclass', () => {
    expect(refusedNullPaths(of(Move, { dueAt: null }))).toEqual([]);
    expect(refusedNullPaths(of(Revision, { dueAt: null, sources: [of(Source, { title: null })] }))).toEqual([]);
  });

  it('finds nothing in a DTO without nulls', () => {
    expect(
      refusedNullPaths(of(Move, { expectedVersion: 3, sources: [of(Source, { url: 'https://a.example' })] })),
    ).toEqual([]);
  });
});
