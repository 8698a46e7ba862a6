import { isBoilerplate, isQuestion } from './boilerplate-filter';

describe('isBoilerplate', () => {
  it.each([
    'By John Smith',
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
});

describe('isQuestion', () => {
  it('recognises a question, also inside closing quotes', () => {
    expect(isQuestion('Is this true?')).toBe(true);
    expect(isQuestion('“Is this true?”')).toBe(true);
    expect(isQuestion('This is true.')).toBe(false);
  });
});
