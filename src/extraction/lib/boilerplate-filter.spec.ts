import { isBoilerplate, isQuestion } from './boilerplate-filter';

describe('isBoilerplate', () => {
  it.each([
    'By John Smith',
    'By Jane Doe and John Smith, Reuters',
    'BY JOHN SMITH',
    'Author: Dave DeCamp',
    'Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave.',
    'Jane Doe is a writer based in Berlin.',
    'Sign up for our newsletter',
    'Read more: Ukraine talks',
    'Photo: Reuters',
    '© 2023 Antiwar.com. All rights reserved.',
    'Tuesday, September 24, 2019',
    '3 March 2021',
  ])('drops "%s"', (text) => expect(isBoilerplate(text)).toBe(true));

  it.each([
    'By 2030 emissions will fall by half.',
    'A source told NBC that aid has dried up.',
    'Sources say the talks stalled.',
    'On September 24, 2019, the court ruled against the government.',
  ])('keeps the claim "%s"', (text) => expect(isBoilerplate(text)).toBe(false));

  it('tells a long run of capitals after "By" from a byline at once', () => {
    const names = `By ${'A'.repeat(60)} and ${'B'.repeat(60)} ${'x'.repeat(60)}`;
    expect(isBoilerplate(names)).toBe(false);
  });
});

describe('isQuestion', () => {
  it('recognises a question, also inside closing quotes', () => {
    expect(isQuestion('Is this true?')).toBe(true);
    expect(isQuestion('“Is this true?”')).toBe(true);
    expect(isQuestion('This is true.')).toBe(false);
  });
});
