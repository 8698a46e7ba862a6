import { readFileSync } from 'fs';
import { resolve } from 'path';
import { CHECKWORTHY_DIR, DEMO_ARTICLE_PATH } from '../../common/repo-paths';
import { ClaimExtractor, ExtractedClaim } from './claim-extractor';
import { CheckworthinessModel } from './checkworthiness-model';
import { scoreRows } from '../../../tools/lib/claim-evaluation';
import { yesClassMetrics } from '../../../tools/lib/classification-metrics';
import { splitByTime } from '../../../tools/lib/time-splits';
import { parseTsv } from '../../../tools/lib/tsv-parser';

describe('ClaimExtractor', () => {
  const extractor = new ClaimExtractor();

  describe('on the demo article', () => {
    const body = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
    const claims = extractor.extract(body, { minCheckworthiness: 0 });
    const find = (fragment: string): ExtractedClaim[] => claims.filter((c) => c.text.includes(fragment));

    it('gives every claim an exact span and a 0..1 score', () => {
      expect(claims.length).toBeGreaterThan(20);
      for (const claim of claims) {
        expect(body.slice(claim.start, claim.end)).toBe(claim.text);
        expect(claim.text).toBe(claim.text.trim());
        expect(claim.checkworthiness).toBeGreaterThanOrEqual(0);
        expect(claim.checkworthiness).toBeLessThanOrEqual(1);
      }
      expect(claims.map((c) => c.ordinal)).toEqual(claims.map((_, i) => i));
    });

    it('splits the compound "$5 billion … but other aid has dried up" sentence into two claims', () => {
      const money = find('The Pentagon has about $5 billion');
      const aid = find('other types of aid have dried up');

      expect(money).toHaveLength(1);
      expect(money[0].text).not.toContain('dried up');
      expect(money[0].type).toBe('quantity');
      expect(aid).toHaveLength(1);
      expect(aid[0].sentenceIndex).toBe(money[0].sentenceIndex);
    });

    it('types amounts as quantity', () => {
      expect(find('another $61 billion')[0].type).toBe('quantity');
    });

    it('finds who each claim is attributed to, including the speaker of a multi-sentence quote', () => {
      expect(find('finally broaching')[0].claimant).toBe('NBC News');
      expect(find('the West was not')[0].claimant).toBe('Ukrainska Pravda');
      expect(find('deluding himself')[0].claimant).toBe('A close aide to Zelensky');
      expect(find('We’re not winning')[0].claimant).toBe('A close aide to Zelensky');
      expect(find('Nothing could happen')[0].claimant).toContain('Schröder');
      expect(find('Biden administration has failed')[0].claimant).toBeNull();
    });

    it('drops the byline and the author bio', () => {
      expect(find('DeCamp')).toHaveLength(0);
    });

    it('keeps only claims at or above the threshold when asked', () => {
      const strict = extractor.extract(body, { minCheckworthiness: 0.5 });

      expect(strict.length).toBeLessThan(claims.length);
      expect(strict.every((c) => c.checkworthiness >= 0.5)).toBe(true);
    });
  });

  describe('on a headline', () => {
    const lede =
      'The city council approved a $3.2 billion budget on Monday, including $40 million in new spending on schools.';

    it('drops a headline the lede repeats, and keeps one it does not', () => {
      const repeated = extractor.extract(`City budget adds $40 million for schools\n\n${lede}`, {
        minCheckworthiness: 0,
      });
      const news = extractor.extract(`Ceasefire talks stall as shelling resumes\n\n${lede}`, { minCheckworthiness: 0 });

      expect(repeated.map((c) => c.text)).toEqual([lede]);
      expect(news.map((c) => c.text)).toEqual(['Ceasefire talks stall as shelling resumes', lede]);
    });

    it('drops a title-case headline the lede repeats in lower case and the singular', () => {
      const body = `Council Members Approve Budget Increases for Schools\n\nCouncil members approved a budget increase of $40 million for the city's schools on Monday.`;

      expect(extractor.extract(body, { minCheckworthiness: 0 }).map((c) => c.sentenceIndex)).toEqual([1]);
    });
  });

  describe('in two tiers', () => {
    const body =
      'The ministry said that spending rose by 12 percent in 2023. Officials met on Monday to talk. Nice weather today, we think.';
    const all = extractor.extract(body, { minCheckworthiness: 0 });
    const [low, high] = [
      Math.min(...all.map((c) => c.checkworthiness)),
      Math.max(...all.map((c) => c.checkworthiness)),
    ];
    const threshold = (low + high) / 2;

    it('keeps what scores from the floor up to the threshold as candidates, at or above it as claims', () => {
      const tiered = extractor.extract(body, { minCheckworthiness: threshold, candidateFloor: 0 });

      expect(tiered).toHaveLength(all.length);
      for (const claim of tiered) expect(claim.tier).toBe(claim.checkworthiness >= threshold ? 'claim' : 'candidate');
      expect(new Set(tiered.map((c) => c.tier))).toEqual(new Set(['claim', 'candidate']));
    });

    it('drops what scores under the floor, and keeps no candidates without one', () => {
      const floored = extractor.extract(body, { minCheckworthiness: high, candidateFloor: threshold });
      const untiered = extractor.extract(body, { minCheckworthiness: threshold });

      expect(floored.every((c) => c.checkworthiness >= threshold)).toBe(true);
      expect(floored.length).toBeLessThan(all.length);
      expect(untiered.every((c) => c.tier === 'claim' && c.checkworthiness >= threshold)).toBe(true);
    });

    it('still keeps questions out of either tier', () => {
      const tiered = extractor.extract(
        'Did spending rise by 12 percent in 2023? The ministry said it rose by 12 percent in 2023.',
        { minCheckworthiness: 1, candidateFloor: 0 },
      );

      expect(tiered.map((c) => c.text)).toEqual(['The ministry said it rose by 12 percent in 2023.']);
    });
  });

  describe('on quotations over several paragraphs', () => {
    const body = [
      '“We cut spending by 12 percent this year. The deficit is now below $5 million,” said Mayor Ana Ruiz.',
      '',
      '“Next year we will hire 40 more teachers.”',
      '',
      'The opposition leader, Tom Hale, disputed the figures. He said the deficit was $9 million.',
      '',
      '“The city has borrowed $20 million since 2021. Nobody voted for that.',
      '',
      '“Taxes rose 8 percent last year,” he added.',
    ].join('\n');
    const claimantOf = (fragment: string) =>
      extractor.extract(body, { minCheckworthiness: 0 }).find((c) => c.text.includes(fragment))?.claimant;

    it('gives a quoted paragraph that follows a quotation its speaker', () => {
      expect(claimantOf('12 percent')).toBe('Mayor Ana Ruiz');
      expect(claimantOf('40 more teachers')).toBe('Mayor Ana Ruiz');
    });

    it('gives pronouns and a quote running over paragraphs the latest named speaker', () => {
      expect(claimantOf('$9 million')).toBe('Tom Hale');
      expect(claimantOf('$20 million since 2021')).toBe('Tom Hale');
      expect(claimantOf('Taxes rose 8 percent')).toBe('Tom Hale');
    });
  });

  describe('on a sentence of several facts', () => {
    const body =
      'The board voted 5-2 to approve the budget, which raises fares by 9 percent, the largest rise since 2011, a spokeswoman for the board said.';
    const claims = extractor.extract(body, { minCheckworthiness: 0 });

    it('makes the vote and the rise a claim each, spans exact, the rise read with the noun it describes', () => {
      expect(claims.map((c) => c.text)).toEqual([
        'The board voted 5-2 to approve the budget',
        'the budget, which raises fares by 9 percent, the largest rise since 2011, a spokeswoman for the board said.',
      ]);
      for (const claim of claims) expect(body.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claims.map((c) => c.claimant)).toEqual(['a spokeswoman for the board', 'a spokeswoman for the board']);
    });
  });

  describe('on a speaker named once', () => {
    const body = [
      '“The dam holds 2 billion cubic metres of water,” engineer Priya Nair said. “It was built in 1968 for $40 million.',
      '',
      '“Since then it has never been drained below 30 percent.”',
      '',
      'Mayor Carla Diaz spoke at the opening. She said the library cost $12 million.',
    ].join('\n');
    const claimantOf = (fragment: string) =>
      extractor.extract(body, { minCheckworthiness: 0 }).find((c) => c.text.includes(fragment))?.claimant;

    it('gives every sentence of the quotation, over its paragraphs, the speaker named after its first', () => {
      expect(claimantOf('2 billion cubic metres')).toBe('Priya Nair');
      expect(claimantOf('built in 1968')).toBe('Priya Nair');
      expect(claimantOf('below 30 percent')).toBe('Priya Nair');
    });

    it('gives a pronoun the person last named as a subject', () => {
      expect(claimantOf('the library cost')).toBe('Mayor Carla Diaz');
      expect(claimantOf('spoke at the opening')).toBeNull();
    });
  });

  describe('on a speaker named by a title', () => {
    const body = [
      'Finance minister Lena Berg presented the budget on Monday.',
      '',
      'The minister said the deficit would fall to 2 percent of GDP next year.',
      '',
      'The spokesman said the airport handled 9 million passengers in 2023.',
    ].join('\n');
    const claimantOf = (fragment: string) =>
      extractor.extract(body, { minCheckworthiness: 0 }).find((c) => c.text.includes(fragment))?.claimant;

    it('gives "the minister" the person the text last named with that title', () => {
      expect(claimantOf('2 percent of GDP')).toBe('Lena Berg');
    });

    it('keeps a title nobody was named with as it is written', () => {
      expect(claimantOf('9 million passengers')).toBe('The spokesman');
    });
  });

  describe('on a view someone voices', () => {
    const tierOf = (text: string, fragment: string) =>
      extractor
        .extract(text, { minCheckworthiness: extractor.threshold, candidateFloor: 0 })
        .find((c) => c.text.includes(fragment))?.tier;

    it('keeps an attributed view with nothing to measure out of the queue, as a candidate', () => {
      const body =
        'The rail union\'s leader, Mary Cole, said the new timetable was "nowhere near enough" for commuters.';
      expect(tierOf(body, 'nowhere near enough')).toBe('candidate');
    });

    it('leaves a view with a figure, and a speaker citing themselves, to the model', () => {
      const measured = 'Mary Cole said she was worried that 4,000 rail jobs would be cut by 2026.';
      const own = 'As I have said, I am deeply worried about the budget deficit in Ohio.';

      expect(tierOf(measured, '4,000 rail jobs')).toBe('claim');
      expect(extractor.extract(own, { minCheckworthiness: 0 })[0].checkworthiness).toBeCloseTo(extractor.score(own), 4);
    });
  });

  it('leaves a dateline out of the claim, and keeps a notice out of the queue', () => {
    const body =
      'KYIV, Ukraine (AP) — Grain exports fell 30 percent in May, the ministry said.\n\nAnyone with information is asked to call police on 101.';
    const claims = extractor.extract(body, { minCheckworthiness: extractor.threshold, candidateFloor: 0 });

    expect(claims[0].text).toBe('Grain exports fell 30 percent in May, the ministry said.');
    expect(body.slice(claims[0].start, claims[0].end)).toBe(claims[0].text);
    expect(claims[0].tier).toBe('claim');
    expect(claims.find((c) => c.text.includes('call police'))?.tier).toBe('candidate');
  });

  describe('on an institution named again by its head word', () => {
    const body = [
      'The Court of Appeal of Ontario heard the case in May.',
      '',
      'The court found that the province had broken the contract.',
      '',
      'Its ruling read: "This Court has concluded that the levy was unlawful. The fees must be repaid."',
      '',
      'The ministry said it would appeal.',
    ].join('\n');
    const claimantOf = (fragment: string) =>
      extractor.extract(body, { minCheckworthiness: 0 }).find((c) => c.text.includes(fragment))?.claimant;

    it('gives "the court" and "This Court" the court the text named, by its full name', () => {
      expect(claimantOf('broken the contract')).toBe('Court of Appeal of Ontario');
      expect(claimantOf('the levy was unlawful')).toBe('Court of Appeal of Ontario');
      expect(claimantOf('must be repaid')).toBe('Court of Appeal of Ontario');
    });

    it('keeps an institution the text never named as it is written', () => {
      expect(claimantOf('would appeal')).toBe('The ministry');
    });
  });

  describe('on a rule named, then its terms', () => {
    it('reads "it" as the rule the sentence before names, and queues its terms', () => {
      const terms = 'It will apply to every shop from June.';
      const after = (before: string) =>
        extractor.extract(`${before} ${terms}`, { minCheckworthiness: extractor.threshold, candidateFloor: 0 }).at(-1)!;

      expect(after('Ministers announced a ban on disposable vapes on Monday.')).toMatchObject({
        text: terms,
        tier: 'claim',
      });
      expect(after('Ministers met shop owners on Monday.')).toMatchObject({ text: terms, tier: 'candidate' });
    });
  });

  describe('on malformed text', () => {
    it.each([
      ['empty', ''],
      ['whitespace only', ' \n\t\r\n  '],
      [
        'mixed scripts and control characters',
        'Привет мир. 你好世界。 e\u0301 😀\u0000\u0007 The GDP rose 3%.\r\n\u2028Unemployment fell to 4% in 2019.',
      ],
    ])('%s: returns claims with exact spans or none, without throwing', (_, body) => {
      const claims = extractor.extract(body, { minCheckworthiness: 0 });

      for (const claim of claims) expect(body.slice(claim.start, claim.end)).toBe(claim.text);
    });

    it('finds no claim in 1 MiB of a single unbroken word', () => {
      const claims = extractor.extract('a'.repeat(1 << 20), { minCheckworthiness: 0 });

      expect(claims).toEqual([]);
    });

    it('keeps exact spans over 1 MiB of one word repeated', () => {
      const body = 'word '.repeat(209716);
      const claims = extractor.extract(body, { minCheckworthiness: 0 });

      expect(claims.every((c) => body.slice(c.start, c.end) === c.text)).toBe(true);
    });
  });

  describe('a verb phrase sharing its subject', () => {
    it('is a claim of its own whose span is the text and whose statement carries the subject', () => {
      const body =
        'Health officials said on Tuesday that 40 people had fallen ill.\n\nThe High Court of Australia found that ' +
        'the law was valid, and ordered the state to pay costs of 2 million dollars.';
      const claims = extractor.extract(body, { minCheckworthiness: 0 });
      const [found, ordered] = claims.filter((c) => c.sentenceIndex === claims.at(-1)!.sentenceIndex);

      expect(found.text).toBe('The High Court of Australia found that the law was valid');
      expect(found.statement).toBe(found.text);
      expect(ordered.text).toBe('ordered the state to pay costs of 2 million dollars.');
      expect(ordered.statement).toBe(
        'The High Court of Australia ordered the state to pay costs of 2 million dollars.',
      );
      expect(ordered.claimant).toBe(found.claimant);
      for (const claim of claims) expect(body.slice(claim.start, claim.end)).toBe(claim.text);
    });

    it('is a claim scored as the whole when the facts stated together are worth checking and it alone is not', () => {
      const text = 'The tribunal ruled that the contract was void, and found the company to be in breach.';
      const alone = extractor.extract('The tribunal found the company to be in breach.', { minCheckworthiness: 0 });
      const claims = extractor.extract(text, { minCheckworthiness: extractor.threshold, candidateFloor: 0 });

      expect(alone[0].checkworthiness).toBeLessThan(extractor.threshold);
      expect(claims.map((c) => [c.statement, c.tier])).toEqual([
        ['The tribunal ruled that the contract was void', 'claim'],
        ['The tribunal found the company to be in breach.', 'claim'],
      ]);
    });

    it('is a second statement of a reporting verb scored as the whole, and a claim of its own', () => {
      const text = 'The governor said the state budget would be balanced and that he was looking at cuts.';
      const claims = extractor.extract(text, { minCheckworthiness: extractor.threshold, candidateFloor: 0 });

      expect(extractor.score('he was looking at cuts.')).toBeLessThan(extractor.threshold);
      expect(claims.map((c) => [c.text, c.tier, c.claimant])).toEqual([
        ['The governor said the state budget would be balanced', 'claim', 'The governor'],
        ['he was looking at cuts.', 'claim', 'The governor'],
      ]);
      expect(claims[1].checkworthiness).toBeGreaterThanOrEqual(extractor.score(text));
    });

    it('stays with its clause when neither the whole nor each part alone is worth checking', () => {
      const text = 'The team will play Madrid in April, and face the champions in May.';
      const claims = extractor.extract(text, { minCheckworthiness: 0 });

      expect(claims.map((c) => [c.text, c.statement])).toEqual([[text, text]]);
    });

    it('states every other claim as its text', () => {
      const body = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
      const claims = extractor.extract(body, { minCheckworthiness: 0 });

      for (const claim of claims)
        if (claim.statement !== claim.text) expect(claim.statement.endsWith(claim.text)).toBe(true);
    });
  });

  it('reproduces the recorded dev and time-shifted test F1 of the committed model within 0.01', () => {
    const model = CheckworthinessModel.load();
    const read = (name: string) => parseTsv(readFileSync(resolve(CHECKWORTHY_DIR, name), 'utf8'));
    const f1 = (rows: ReturnType<typeof read>) => {
      const { scores, labels } = scoreRows(new ClaimExtractor(model), rows);
      return yesClassMetrics(scores, labels, model.threshold).f1;
    };

    expect(Math.abs(f1(read('dev.tsv')) - model.json.metrics.devF1)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(f1(splitByTime(read('train.tsv')).test) - model.json.metrics.testF1)).toBeLessThanOrEqual(0.01);
  });
});
