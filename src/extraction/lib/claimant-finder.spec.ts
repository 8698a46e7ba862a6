import { findClaimant, findNamedSubject } from './claimant-finder';
import { splitSentences } from './sentence-splitter';

function claimant(text: string): string | null {
  return findClaimant(splitSentences(text)[0].tokens, text)?.text ?? null;
}

describe('findClaimant', () => {
  it('finds a trailing news source', () => {
    expect(claimant('US officials are broaching peace talks with Russia, NBC News reported on Friday.')).toBe(
      'NBC News',
    );
  });

  it('finds the source after "according to"', () => {
    expect(claimant('According to Ukrainska Pravda, Boris Johnson told Zelensky that the West was not ready.')).toBe(
      'Ukrainska Pravda',
    );
  });

  it('keeps a descriptive speaker whole', () => {
    expect(claimant('A close aide to Zelensky told Time Magazine that Zelensky was deluding himself.')).toBe(
      'A close aide to Zelensky',
    );
  });

  it('reads a present-tense reporting verb before "that", and the stock "familiar with" source whole', () => {
    expect(claimant('The United Nations estimates that 1.2 million people have fled the region since March.')).toBe(
      'The United Nations',
    );
    expect(
      claimant(
        'Mediators had proposed a ceasefire last week, according to two officials familiar with the negotiations.',
      ),
    ).toBe('two officials familiar with the negotiations');
    expect(claimant('The mayor said with a smile that the budget was balanced.')).toBe('The mayor');
  });

  it('names the person behind a title', () => {
    expect(claimant('Former German chancellor Gerhard Schröder recently said that no deal was reached.')).toBe(
      'Gerhard Schröder',
    );
  });

  it('uses the subject when a clause separates it from the verb', () => {
    expect(claimant('The NBC report, which cited unnamed US officials, said the talks had stalled.')).toBe(
      'The NBC report',
    );
  });

  it.each([
    ['“We will not raise taxes this year,” said Mayor Jane Smith.', 'Mayor Jane Smith'],
    ['"No one was hurt," a police spokesman said.', 'a police spokesman'],
    ['Turnout reached 67 percent, the highest since 1960, election officials said.', 'election officials'],
    ['Coffee drinkers live longer, a study published Monday found.', 'a study published Monday'],
    [
      'The vaccine is 95 percent effective, according to a report published in The Lancet.',
      'a report published in The Lancet',
    ],
    ['A spokesperson for the ministry said 40 people were arrested.', 'A spokesperson for the ministry'],
    [
      'Researchers at Stanford University found that the drug cut deaths by 30 percent.',
      'Researchers at Stanford University',
    ],
    [
      'The company lost $2 billion in the quarter, its chief executive told investors on Wednesday.',
      'its chief executive',
    ],
    ['John Doe, who chairs the finance committee, said the deficit doubled.', 'John Doe'],
  ])('finds the speaker as news writes it: %s', (text, speaker) => {
    expect(claimant(text)).toBe(speaker);
  });

  it.each([
    ['"Our budget is balanced for the first time in a decade," Governor Lisa Grant said.', 'Governor Lisa Grant'],
    ['“Crime fell by 12 percent last year,” said Police Chief Marcus Webb.', 'Police Chief Marcus Webb'],
    ['Ruth Okafor, who heads the statistics office, said inflation reached 6.1 percent in May.', 'Ruth Okafor'],
    [
      'The river rose four metres overnight, according to the regional water authority.',
      'the regional water authority',
    ],
    [
      'Inflation eased to 2.9 percent in October, according to figures released Thursday by the Labour Department.',
      'figures released Thursday by the Labour Department',
    ],
    [
      'Air pollution shortens lives by two years, a report released Wednesday by the World Health Organization concluded.',
      'a report released Wednesday by the World Health Organization',
    ],
    ['The Red Cross said 3,000 families had been displaced by the floods.', 'The Red Cross'],
    ['A spokeswoman for the airline said 14 flights were cancelled.', 'A spokeswoman for the airline'],
  ])('reads names wink tags as verbs, relative clauses and trailing sources: %s', (text, speaker) => {
    expect(claimant(text)).toBe(speaker);
  });

  it('names a person who is the subject, for a later pronoun, and nothing else', () => {
    const subject = (text: string) => findNamedSubject(splitSentences(text)[0].tokens, text);

    expect(subject('Mayor Carla Diaz spoke at the opening.')).toBe('Mayor Carla Diaz');
    expect(subject('Russia has annexed four regions.')).toBeNull();
    expect(subject('The union met on Monday.')).toBeNull();
  });

  it('does not take the object of a reporting verb for its speaker', () => {
    // The name in apposition, as a title before a name gives the name.
    expect(claimant('The opposition leader, Tom Hale, disputed the figures.')).toBe('Tom Hale');
    expect(
      claimant(
        'The NBC report, which cited unnamed US officials, said the conversations “have included very broad outlines”.',
      ),
    ).toBe('The NBC report');
  });

  it('returns null when nobody is quoted', () => {
    expect(claimant('The Biden administration has failed so far to get new funding.')).toBeNull();
  });
});

describe('findClaimant: news forms', () => {
  it('skips an opening time phrase and takes the name in apposition before the verb', () => {
    expect(
      claimant('On Monday, the country’s health minister, Ana Ruiz, announced that clinics would open on Sundays.'),
    ).toBe('Ana Ruiz');
    expect(claimant('Last week, Paolo Greco, the bank’s chief economist, warned that rates could rise again.')).toBe(
      'Paolo Greco',
    );
  });

  it('reads a reporting word after a name as its verb, also without "that"', () => {
    expect(claimant('Sales slowed, but Nikkei reports only 3% of households bought a new car last year.')).toBe(
      'Nikkei',
    );
    // A report named as the subject is no verb: "The BBC report said …", "Recent reports have revealed …".
    expect(claimant('The BBC report said the tunnel would cost $3 billion.')).toBe('The BBC report');
    expect(claimant('Recent reports have revealed that rents rose 9 percent.')).toBe('Recent reports');
  });

  it('steps over a bracketed short form between the speaker and the verb', () => {
    expect(claimant('The World Health Organization (WHO) reported in May, 40 countries had cases.')).toBe(
      'The World Health Organization',
    );
  });

  it('does not take an opening time word for a speaker', () => {
    expect(claimant('Yesterday, the regulator said that fares would rise by 4 percent.')).toBe('the regulator');
  });

  it('keeps a first name that is also a verb in the name set apart by commas', () => {
    // wink reads a capitalised "Grant", "Mark" or "Bill" before a surname as a verb.
    expect(claimant('Yesterday, the transport secretary, Grant Shapps, announced that fares would be frozen.')).toBe(
      'Grant Shapps',
    );
    expect(claimant('Bill Norton, the council’s treasurer, said the reserve had fallen by half.')).toBe('Bill Norton');
  });

  it("ends a speaker's phrase at a date", () => {
    expect(claimant('The sale, according to Gazeta Prawna in March, is too big for one buyer.')).toBe('Gazeta Prawna');
    expect(claimant('Prices fell 3 percent, the Bank of England said in 2023.')).toBe('the Bank of England');
  });

  it('does not read a reporting word after a determiner as a verb', () => {
    expect(claimant('All member states signed the treaty, with Eritrea the only state unsigned.')).toBeNull();
    expect(claimant('The Treasury said a report will follow.')).toBe('The Treasury');
  });
});
