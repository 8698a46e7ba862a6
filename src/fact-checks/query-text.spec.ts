import { claimFingerprint, mentionsMedia, normaliseQueryText, splitCamelCase, splitJoinedWords } from './query-text';

describe('normaliseQueryText', () => {
  it('drops links, picture links and the embedded-tweet date but keeps who said it', () => {
    const text = normaliseQueryText(
      'Butterflies drink #AustralianFires water pic.twitter.com/0eJtwJyS1J https://t.co/x — Center for Bio Div (@CenterForBioDiv) January 14, 2020',
    );
    expect(text).toBe('Butterflies drink Australian Fires water Center for Bio Div');
  });

  it('drops a picture link glued to the hashtag before it', () => {
    expect(normaliseQueryText('Burning for weeks #PrayforAmazoniapic.twitter.com/xYz12')).toBe(
      'Burning for weeks Prayfor Amazonia',
    );
  });

  it('decodes HTML entities and removes quotes', () => {
    expect(normaliseQueryText('&quot;CBC deletes Trump&quot; &amp; more &#39;now&#39;')).toBe(
      "CBC deletes Trump & more 'now'",
    );
  });

  it('drops what a copied post is wrapped in: retweet and reply marks, quote headers, thread links, the time line', () => {
    expect(normaliseQueryText('RT @Reuters: Kyiv will not fall 12:03 PM · Mar 2, 2022 · Twitter for iPhone')).toBe(
      'Reuters : Kyiv will not fall',
    );
    expect(normaliseQueryText('Replying to @POTUS @VP The jab causes heart attacks')).toBe(
      'The jab causes heart attacks',
    );
    expect(
      normaliseQueryText('Quote Tweet Elon Musk @elonmusk · Mar 3 Starlink is active in Ukraine. Show this thread'),
    ).toBe('Elon Musk elonmusk Starlink is active in Ukraine.');
    // The same words inside a sentence are kept, and RT that is not a retweet mark.
    expect(normaliseQueryText('RT is a Russian broadcaster')).toBe('RT is a Russian broadcaster');
    expect(normaliseQueryText('ART galleries reopened; he was replying to critics at 9 PM')).toBe(
      'ART galleries reopened; he was replying to critics at 9 PM',
    );
  });

  it('splits mentions and hashtags by case', () => {
    expect(normaliseQueryText('@realDonaldTrump says #COVID19Vaccine')).toBe('real Donald Trump says COVID 19 Vaccine');
  });
});

describe('lower-case handles and hashtags', () => {
  // Frequency ranks, most frequent first, as the word vectors list their words.
  const ranks = new Map(
    ['the', 'water', 'chuck', 'hill', 'poison', 'bottles', 'chu', 'ck', 'schumer', 'tampered'].map((w, i) => [w, i]),
  );
  const rankOf = (word: string) => ranks.get(word);

  it('splits a run of letters into known words, fewer and commoner words first', () => {
    expect(splitJoinedWords('chuckschumer', rankOf)).toEqual(['chuck', 'schumer']);
    expect(splitJoinedWords('poisonwaterbottles', rankOf)).toEqual(['poison', 'water', 'bottles']);
    expect(splitJoinedWords('dmedin', rankOf)).toBeNull();
  });

  it('keeps the handle and adds its words; a known word, a short one, one of unknown words or in CamelCase is left as before', () => {
    expect(normaliseQueryText('@chuckschumer and #tamperedwater', rankOf)).toBe(
      'chuckschumer chuck schumer and tamperedwater tampered water',
    );
    expect(normaliseQueryText('#poison #theck #thehill @dmedin11 @realDonaldTrump', rankOf)).toBe(
      'poison theck thehill the hill dmedin11 real Donald Trump',
    );
    expect(normaliseQueryText('@chuckschumer')).toBe('chuckschumer');
  });
});

describe('splitCamelCase', () => {
  it('keeps acronyms together', () => {
    expect(splitCamelCase('DefundTheCBC')).toBe('Defund The CBC');
  });
});

describe('claimFingerprint', () => {
  it('is equal when only case, punctuation and spacing differ', () => {
    expect(claimFingerprint('The city spent $40 million on bus lanes.')).toBe(
      claimFingerprint('the city  spent $40 million on bus-lanes'),
    );
  });
});

describe('mentionsMedia', () => {
  it('finds a picture or video named, linked or shown by its emoji', () => {
    expect(mentionsMedia('A photograph shows Obama shaking hands with Rouhani.')).toBe(true);
    expect(mentionsMedia('Watch the footage from the rally')).toBe(true);
    expect(mentionsMedia('Narcotics made to look like candy. pic.twitter.com/wR1bmFXlBf')).toBe(true);
    expect(mentionsMedia('Trump holds notes 📷: Mark Wilson')).toBe(true);
  });

  it('does not take words that only begin alike for one', () => {
    expect(mentionsMedia('The city spent $40 million on bus lanes.')).toBe(false);
    expect(mentionsMedia('Imagine the picnic, then the imagery of the clipper ship')).toBe(false);
    expect(mentionsMedia('Photosynthesis, photons and photovoltaic panels; videogames')).toBe(false);
    expect(mentionsMedia('Voters must show a photo ID at the polls')).toBe(false);
    expect(mentionsMedia('The photos were photoshopped')).toBe(true);
  });
});
