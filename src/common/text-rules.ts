import { ValidateBy } from 'class-validator';

/** At most `max` UTF-16 units, never cutting a character in two (half of a surrogate pair is stored as U+FFFD). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Anything a reader sees: not white space, a zero-width or direction-control (format) character, a control or a lone mark. */
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Cc}\p{Z}\p{M}]/u;

export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

export const VISIBLE_TEXT_MESSAGE =
  'must hold a visible character (not only spaces, zero-width or direction-control characters)';

/** A DTO's text that must show something: `@IsNotEmpty()` takes a string of zero-width spaces. */
export const HasVisibleText = () =>
  ValidateBy({
    name: 'hasVisibleText',
    validator: {
      validate: (value) => typeof value === 'string' && hasVisibleText(value),
      defaultMessage: (args) => `${args?.property ?? 'text'} ${VISIBLE_TEXT_MESSAGE}`,
    },
  });
