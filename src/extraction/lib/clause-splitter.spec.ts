import { clauseStatement, splitClauses } from './clause-splitter';
import { splitSentences } from './sentence-splitter';

function clauses(text: string): string[] {
  const [sentence] = splitSentences(text);
  return splitClauses(sentence.tokens, false).map((c) =>
    text.slice(sentence.tokens[c.from].start, sentence.tokens[c.to - 1].end),
  );
}

/** Each clause's span text and statement. */
function stated(text: string): { text: string; statement: string }[] {
  const [sentence] = splitSentences(text);
  return splitClauses(sentence.tokens, false).map((c) => {
    const span = { start: sentence.tokens[c.from].start, end: sentence.tokens[c.to - 1].end };
    return { text: text.slice(span.start, span.end), statement: clauseStatement(text, sentence.tokens, c, span) };
  });
}

describe('splitClauses', () => {
  it('splits a coordinated sentence into one claim per clause', () => {
    expect(
      clauses('The Pentagon has about $5 billion left to ship weapons, but other types of aid have dried up.'),
    ).toEqual(['The Pentagon has about $5 billion left to ship weapons', 'other types of aid have dried up.']);
  });

  it('splits an opening contrast from the clause it leads into, when both carry a subject and a verb', () => {
    expect(clauses('Although exports grew 6 percent last year, imports fell by a third.')).toEqual([
      'exports grew 6 percent last year',
      'imports fell by a third.',
    ]);
    expect(clauses('While the plant employs 900 people, the town has 40,000 residents, but jobs are scarce.')).toEqual([
      'the plant employs 900 people',
      'the town has 40,000 residents',
      'jobs are scarce.',
    ]);
  });

  it('splits a closing ", with …" that carries a number of its own', () => {
    expect(clauses('The port handled 8 million containers in 2023, with exports worth $40 billion.')).toEqual([
      'The port handled 8 million containers in 2023',
      'with exports worth $40 billion.',
    ]);
  });

  it('keeps a closing ", with …" whole when it adds no number, or when the clause before has no verb', () => {
    expect(clauses('The mayor opened 3 new schools, with great fanfare.')).toEqual([
      'The mayor opened 3 new schools, with great fanfare.',
    ]);
    expect(clauses('Record turnout, with 2 million votes cast.')).toEqual([
      'Record turnout, with 2 million votes cast.',
    ]);
  });

  it('keeps an opening contrast without a clause of its own whole', () => {
    expect(clauses('While in Paris, the minister signed 12 agreements.')).toEqual([
      'While in Paris, the minister signed 12 agreements.',
    ]);
  });

  it('splits two reported statements joined by "and that", keeping neither "that"', () => {
    expect(clauses('The minister said the deficit doubled and that taxes rose 8 percent last year.')).toEqual([
      'The minister said the deficit doubled',
      'taxes rose 8 percent last year.',
    ]);
    expect(clauses('Officials said 40 people were arrested, and that 12 remain in custody.')).toEqual([
      'Officials said 40 people were arrested',
      '12 remain in custody.',
    ]);
  });

  it('marks the second of two reported statements as reported with the first, and no other clause', () => {
    const marks = (text: string) => {
      const [sentence] = splitSentences(text);
      return splitClauses(sentence.tokens, false).map((c) => c.reportedWithPrevious === true);
    };

    expect(marks('The minister said the deficit doubled and that taxes rose 8 percent last year.')).toEqual([
      false,
      true,
    ]);
    expect(marks('Officials said 40 people were arrested, and that 12 remain in custody.')).toEqual([false, true]);
    expect(marks('The deficit doubled, but taxes rose 8 percent last year.')).toEqual([false, false]);
  });

  it('makes a closing relative clause with a fact of its own a second claim that starts at the noun it describes', () => {
    expect(
      clauses(
        'The court voted 6-3 to uphold the law, which raised fees by 7 percent, the third increase in four years.',
      ),
    ).toEqual([
      'The court voted 6-3 to uphold the law',
      'the law, which raised fees by 7 percent, the third increase in four years.',
    ]);
    expect(clauses('The senator met Jane Doe, who won 52 percent of the vote in 2022.')).toEqual([
      'The senator met Jane Doe',
      'Jane Doe, who won 52 percent of the vote in 2022.',
    ]);
  });

  it('keeps a relative clause without a fact, or one inside the subject, in its sentence', () => {
    const factless =
      'The increase is the third in four years, according to the Riders Alliance, which brought the case.';
    const inside = 'The law, which raised fees by 7 percent, takes effect in May.';

    expect(clauses(factless)).toEqual([factless]);
    expect(clauses(inside)).toEqual([inside]);
  });

  it('keeps a clause whose subject is a pronoun with the clause it stands for', () => {
    const text = 'Unemployment rose to 5.2 percent in June, but it has since fallen to 4 percent.';

    expect(clauses(text)).toEqual([text]);
    expect(clauses('The senator said the program cost $4 billion and that it created 10,000 jobs.')).toHaveLength(1);
    // "that" as a subject points back too: alone, "that would be a non-starter" says nothing checkable.
    const demand = 'Ukraine has said it wants its 1991 borders restored, but that would be a non-starter for Moscow.';
    expect(clauses(demand)).toEqual([demand]);
    expect(
      clauses('The mayor said that the city spent $40 million on bus lanes, and that ridership fell by 12 percent.'),
    ).toHaveLength(2);
  });

  it('splits at a semicolon between two full clauses', () => {
    expect(clauses('Exports rose 5%; imports fell 3%.')).toEqual(['Exports rose 5%', 'imports fell 3%.']);
  });

  it('splits at a spaced dash between two statements, not around a dashed aside', () => {
    expect(clauses('The firm employs 7000 people in Poland — its rival has about 5000 staff.')).toEqual([
      'The firm employs 7000 people in Poland',
      'its rival has about 5000 staff.',
    ]);
    const aside = 'The court ruled on the prorogation — a procedural suspension — of parliament until October 14.';
    expect(clauses(aside)).toEqual([aside]);
  });

  it('keeps a shared-subject verb phrase and a list together', () => {
    const text = 'Russia has annexed Kherson, Donetsk, and Luhansk, and now says any deal must recognize them.';

    expect(clauses(text)).toEqual([text]);
  });

  it('does not split inside a quotation', () => {
    const text = 'He said the West could help, “but if they don’t have forces, it doesn’t do a lot of good.”';

    expect(clauses(text)).toEqual([text]);
  });

  describe('a second verb phrase sharing the subject', () => {
    it('splits ", and" + a finite verb at the verb, the statement carrying the subject', () => {
      expect(
        stated('The central bank held rates at 3 percent in March, and raised the rate to 4 percent in June.'),
      ).toEqual([
        {
          text: 'The central bank held rates at 3 percent in March',
          statement: 'The central bank held rates at 3 percent in March',
        },
        {
          text: 'raised the rate to 4 percent in June.',
          statement: 'The central bank raised the rate to 4 percent in June.',
        },
      ]);
      expect(
        stated('The ministry spent 3 billion euros on hospitals in 2022, but cut the drug budget by 8 percent.')[1],
      ).toEqual({
        text: 'cut the drug budget by 8 percent.',
        statement: 'The ministry cut the drug budget by 8 percent.',
      });
    });

    it('carries the subject of the main clause past a reported clause', () => {
      expect(
        stated(
          'The High Court of Australia found that the law was valid, and ordered the state to pay costs of 2 million dollars.',
        )[1],
      ).toEqual({
        text: 'ordered the state to pay costs of 2 million dollars.',
        statement: 'The High Court of Australia ordered the state to pay costs of 2 million dollars.',
      });
    });

    it('carries the auxiliary or modal when the second verb has the first one’s form', () => {
      expect(stated('The man was arrested in Lyon in May, and charged with fraud on Friday.')[1].statement).toBe(
        'The man was charged with fraud on Friday.',
      );
      expect(stated('The team will play Madrid in April, and face the champions in May.')[1].statement).toBe(
        'The team will face the champions in May.',
      );
      // "has treated … and is expected": the second verb is finite itself, so nothing is carried but the subject.
      expect(
        stated('The hospital has treated 9,000 patients since January and is expected to reach 20,000 by December.'),
      ).toEqual([
        {
          text: 'The hospital has treated 9,000 patients since January',
          statement: 'The hospital has treated 9,000 patients since January',
        },
        {
          text: 'is expected to reach 20,000 by December.',
          statement: 'The hospital is expected to reach 20,000 by December.',
        },
      ]);
    });

    it('leaves an opening phrase out of the carried subject', () => {
      expect(
        stated('On Monday, the health ministry reported 1,200 new cases, and confirmed 14 deaths in the north.')[1],
      ).toEqual({
        text: 'confirmed 14 deaths in the north.',
        statement: 'The health ministry confirmed 14 deaths in the north.',
      });
    });

    it('splits ", as well as" + a gerund, stated after the modal as its base form', () => {
      expect(
        stated(
          'Those who break the rules could face a fine of 500 dollars, as well as being banned from the stadium for a year.',
        ),
      ).toEqual([
        {
          text: 'Those who break the rules could face a fine of 500 dollars',
          statement: 'Those who break the rules could face a fine of 500 dollars',
        },
        {
          text: 'being banned from the stadium for a year.',
          statement: 'Those who break the rules could be banned from the stadium for a year.',
        },
      ]);
    });

    it('states a gerund without a modal before it as the subject and the span', () => {
      expect(stated('The clinic treated 400 patients last year, as well as training 30 nurses.')[1]).toEqual({
        text: 'training 30 nurses.',
        statement: 'The clinic training 30 nurses.',
      });
    });

    it('keeps the sentence whole when the second verb has nothing to check or its attachment is unclear', () => {
      const unchecked = [
        'The striker scored twice in the final, and left.',
        // the negation's scope over the second verb is unclear
        'The bank did not raise rates, and cut its growth forecast to 2 percent.',
        // "raise" may join "to cut" rather than "decided"
        'The council decided to cut costs, and raise parking fees by 5 percent.',
        // " and" inside the subject's noun phrase
        'The share of adults tested and vaccinated against measles rose to 80 percent.',
        // " and" after a relative clause joins that clause's verb
        'The talks took place at a meeting of the league, a body that has met since 1990 and includes 40 clubs.',
        // an adverb before the verb
        'The union rejected the offer of 4 percent, and later called a strike for June.',
      ];
      for (const text of unchecked) expect(clauses(text)).toEqual([text]);
    });
  });
});
