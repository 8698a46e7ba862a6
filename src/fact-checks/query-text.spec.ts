import { claimFingerprint, normaliseQueryText, splitCamelCase } from './query-text';

describe('normaliseQueryText', () => {
  it('drops links, picture links and the embedded-tweet date but keeps who said it', () => {
    const text = normaliseQueryText('Butterflies drink #AustralianFires water pic.twitter.com/0eJtwJyS1J https://t.co/x — Center for Bio Div (@CenterForBioDiv) January 14, 2020');
    expect(text).toBe('Butterflies drink Australian Fires water Center for Bio Div');
  });

  it('drops a picture link glued to the hashtag before it', () => {
    expect(normaliseQueryText('Burning for weeks #PrayforAmazoniapic.twitter.com/xYz12')).toBe('Burning for weeks Prayfor Amazonia');
  });

  it('decodes HTML entities and removes quotes', () => {
    expect(normaliseQueryText('&quot;CBC deletes Trump&quot; &amp; more &#39;now&#39;')).toBe("CBC deletes Trump & more 'now'");
  });

  it('splits mentions and hashtags by case', () => {
    expect(normaliseQueryText('@realDonaldTrump says #COVID19Vaccine')).toBe('real Donald Trump says COVID 19 Vaccine');
  });
});

describe('splitCamelCase', () => {
  it('keeps acronyms together', () => {
    expect(splitCamelCase('DefundTheCBC')).toBe('Defund The CBC');
  });
});

describe('claimFingerprint', () => {
  it('is equal when only case, punctuation and spacing differ', () => {
    expect(claimFingerprint('The city spent $40 million on bus lanes.')).toBe(claimFingerprint('the city  spent $40 million on bus-lanes'));
  });
});
