/** Month names, lower case, January first: "in March", "September 13". */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export const MONTHS: ReadonlySet<string> = new Set(MONTH_NAMES);

/** Day names, lower case: "on Monday". */
export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** A year as news writes one: 1800–2099. */
export function isYear(value: string): boolean {
  return /^(1[89]|20)\d\d$/.test(value);
}
