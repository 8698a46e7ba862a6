import { MONTHS, WEEKDAYS } from '../../common/calendar-words';

const MONTH = [...MONTHS].join('|');
const WEEKDAY = [...WEEKDAYS].join('|');

const PATTERNS: RegExp[] = [
  // Names are one to four capitalised words apart by spaces: a name that could also be cut at any capital would be
  // tried in every cut when the line turns out to be no byline.
  /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(and\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*)?[,|]?.{0,40}$/u,
  /^(author|authors|written by|reporting by|editing by|additional reporting( by)?)\s*[:-]/i,
  // The page furniture that can stand anywhere in a line, in one pattern so a line is scanned once for all of it.
  /\b(follow (him|her|them|us|me)|subscribe|sign up|newsletter|all rights reserved|click here|copyright)\b|©/i,
  /^(read more|related|see also|photo|photos|image|video|caption|source|credit|share this)\s*[:\-|]/i,
  /^(read more|advertisement)\b/i,
  // Author bios: "X is a writer/editor/reporter … based in …".
  /^(\p{Lu}[\p{L}.'’-]*\s+){1,3}(is|was)\s+(a|an|the)\s+[^.]{0,80}\b(writer|editor|journalist|reporter|correspondent|columnist|contributor|author|producer|fellow)\b/u,
  /^(\p{Lu}[\p{L}.'’-]*\s+){1,3}(is|was)\s+(a|an)\s+[^.]{0,60}\bbased in\b/u,
  // A date on its own line: "Tuesday, September 24, 2019", "24 September 2019".
  new RegExp(
    String.raw`^((${WEEKDAY}),?\s+)?((${MONTH})\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(${MONTH}),?\s+\d{4})\.?$`,
    'i',
  ),
];

/** Bylines, author bios, follow/subscribe lines and other page furniture: never claims. */
export function isBoilerplate(text: string): boolean {
  const trimmed = text.trim();
  return PATTERNS.some((pattern) => pattern.test(trimmed));
}

export function isQuestion(text: string): boolean {
  return /\?["”’')\]]*$/.test(text.trim());
}
