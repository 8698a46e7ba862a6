import { statementOf, storedStatement } from './claim-statement';

describe('statementOf', () => {
  it('gives the stored statement when there is one', () => {
    expect(
      statementOf({ text: 'cut its forecast to 2 percent', statement: 'The bank cut its forecast to 2 percent' }),
    ).toBe('The bank cut its forecast to 2 percent');
  });

  it('gives the text when no statement is stored', () => {
    expect(statementOf({ text: 'Exports rose 5 percent', statement: null })).toBe('Exports rose 5 percent');
    expect(statementOf({ text: 'Exports rose 5 percent' })).toBe('Exports rose 5 percent');
  });
});

describe('storedStatement', () => {
  it('stores nothing when the statement is the text, so NULL keeps meaning "the same as the text"', () => {
    expect(storedStatement({ text: 'Exports rose 5 percent', statement: 'Exports rose 5 percent' })).toBeNull();
    expect(storedStatement({ text: 'Exports rose 5 percent' })).toBeNull();
  });

  it('stores a statement that carries more than the text', () => {
    expect(storedStatement({ text: 'cut its forecast', statement: 'The bank cut its forecast' })).toBe(
      'The bank cut its forecast',
    );
  });
});
