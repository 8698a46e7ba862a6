import { claimantKind } from './claimant-kind';

describe('claimantKind', () => {
  it.each([
    'Nicola Sturgeon',
    'Judge Maria Delgado',
    'Prime Minister Lars Eklund',
    'Council member Tom Hale',
    'Dr. Lena Park',
    'the mayor',
    'a spokeswoman for the ministry',
  ])('%s is a person', (name) => expect(claimantKind(name)).toBe('person'));

  it.each([
    'the regional health ministry',
    'Supreme Court of the United Kingdom',
    'Salling Group',
    'Deutsche Welle (DW)',
    'Tesco (press release)',
    'The United Nations',
    'WHO',
    'Russia',
    'election officials',
    'the government',
  ])('%s is an organization', (name) => expect(claimantKind(name)).toBe('organization'));

  it('lets a title with a name win over the body it belongs to', () => {
    expect(claimantKind('Council President Ana Ruiz')).toBe('person');
    expect(claimantKind('the council')).toBe('organization');
  });
});
