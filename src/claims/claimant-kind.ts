/** schema.org's two kinds of author a ClaimReview's claim may have. */
export const CLAIMANT_KINDS = ['person', 'organization'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

/** Words that make a name a body of people: "the regional health ministry", "Salling Group", "Supreme Court". */
const ORGANIZATION_WORDS = new Set([
  'administration',
  'agency',
  'alliance',
  'army',
  'association',
  'authority',
  'authorities',
  'bank',
  'board',
  'bureau',
  'cabinet',
  'campaign',
  'centre',
  'center',
  'club',
  'coalition',
  'college',
  'commission',
  'committee',
  'company',
  'congress',
  'corp',
  'corporation',
  'council',
  'court',
  'department',
  'embassy',
  'federation',
  'forces',
  'foundation',
  'fund',
  'government',
  'group',
  'inc',
  'institute',
  'kremlin',
  'league',
  'ltd',
  'llc',
  'ministry',
  'movement',
  'nations',
  'network',
  'newspaper',
  'office',
  'organisation',
  'organization',
  'parliament',
  'party',
  'pentagon',
  'police',
  'plc',
  'press',
  'regime',
  'senate',
  'service',
  'society',
  'study',
  'survey',
  'report',
  'team',
  'times',
  'tribunal',
  'union',
  'university',
  'agency',
  'journal',
  'news',
  'post',
  'radio',
  'television',
  'tv',
]);

/** Titles and roles that name one person: "Judge Maria Delgado", "the mayor", "a spokeswoman for the ministry". */
const PERSON_WORDS = new Set([
  'analyst',
  'ambassador',
  'author',
  'candidate',
  'ceo',
  'chairman',
  'chairwoman',
  'chair',
  'chancellor',
  'chief',
  'commissioner',
  'councillor',
  'councilman',
  'councilwoman',
  'dr',
  'director',
  'doctor',
  'economist',
  'expert',
  'general',
  'governor',
  'judge',
  'king',
  'lawmaker',
  'lawyer',
  'leader',
  'mayor',
  'member',
  'minister',
  'mp',
  'mr',
  'mrs',
  'ms',
  'official',
  'pope',
  'president',
  'professor',
  'prof',
  'queen',
  'representative',
  'rep',
  'researcher',
  'resident',
  'secretary',
  'sen',
  'senator',
  'sheriff',
  'speaker',
  'spokesman',
  'spokesperson',
  'spokeswoman',
  'witness',
  'he',
  'she',
]);

/** Places a report names as if they spoke: the state behind them is an organization. */
const STATES = new Set([
  'afghanistan',
  'australia',
  'brazil',
  'britain',
  'canada',
  'china',
  'egypt',
  'europe',
  'france',
  'germany',
  'india',
  'iran',
  'iraq',
  'israel',
  'italy',
  'japan',
  'mexico',
  'nato',
  'nigeria',
  'pakistan',
  'poland',
  'russia',
  'spain',
  'syria',
  'turkey',
  'ukraine',
  'washington',
  'moscow',
  'beijing',
  'kyiv',
  'london',
  'brussels',
  'tehran',
]);

const DETERMINERS = new Set(['the', 'a', 'an', 'two', 'three', 'several', 'some', 'many']);

/**
 * Whether a claimant is a person or an organization, from the name's own words: an organization word ("ministry",
 * "Group") or an acronym makes a body; a title or role ("Judge", "spokeswoman") or a personal name makes a person;
 * a plural of people ("officials", "the rebels") is a body of people. An editor corrects what this gets wrong.
 */
export function claimantKind(name: string): ClaimantKind {
  // "Deutsche Welle (DW)", "Tesco (press release)": an acronym or a press release speaks for a body.
  if (/\([A-Z]{2,}\)/.test(name) || /\(press release\)/i.test(name)) return 'organization';
  const words = name.replace(/\(.*?\)/g, ' ').match(/[\p{L}\p{N}'’.-]+/gu) ?? [];
  const bare = words.map((word) =>
    word
      .toLowerCase()
      .replace(/[.’']s?$/, '')
      .replace(/\.$/, ''),
  );
  // "of the United Kingdom", "for the ministry": the head of the name comes before its prepositional tail.
  const tail = bare.findIndex((word, i) => i > 0 && ['of', 'for', 'at', 'from', 'in', 'published'].includes(word));
  const head = (tail > 0 ? bare.slice(0, tail) : bare).filter((word) => !DETERMINERS.has(word));
  const original = (tail > 0 ? words.slice(0, tail) : words).filter((word) => !DETERMINERS.has(word.toLowerCase()));
  if (head.length === 0) return 'organization';
  const titled = head.some((word) => PERSON_WORDS.has(word));
  const capitalisedAfterTitle = head.some(
    (word, i) => PERSON_WORDS.has(word) && /^\p{Lu}\p{Ll}/u.test(original[i + 1] ?? ''),
  );
  if (capitalisedAfterTitle) return 'person';
  if (head.some((word) => ORGANIZATION_WORDS.has(word) || STATES.has(word))) return 'organization';
  if (original.some((word) => /^\p{Lu}{2,}$/u.test(word) && word.length <= 6)) return 'organization';
  if (titled) return 'person';
  const last = head[head.length - 1];
  // A common noun in the plural, lower case: "election officials", "the authors", "the rebels".
  if (original.every((word) => /^\p{Ll}/u.test(word))) return /s$/.test(last) ? 'organization' : 'person';
  return 'person';
}

/** The claim's claimant kind: an editor's word when given, else as the name reads; null without a claimant. */
export function claimantKindOf(claim: {
  claimant: string | null;
  editorClaimantKind: ClaimantKind | null;
}): ClaimantKind | null {
  if (claim.claimant === null) return null;
  return claim.editorClaimantKind ?? claimantKind(claim.claimant);
}
