/** A step of the desk's rating scale: `key` is what a verdict carries, `label` and `ratingValue` what ClaimReview shows. */
export interface RatingStep {
  key: string;
  label: string;
  ratingValue: number;
}

/** Which verdicts wait for a second person's approval before they are published. */
export interface SecondOpinionSettings {
  enabled: boolean;
  /** Only claims at least this check-worthy (0..1) need a second opinion. */
  minCheckworthiness: number;
  statuses: SecondOpinionStatus[];
}

export const SECOND_OPINION_STATUSES = ['sourced', 'disputed'] as const;
export type SecondOpinionStatus = (typeof SECOND_OPINION_STATUSES)[number];

/** The desk's settings: one row, read by every api and worker process per use. */
export interface DeskSettings {
  ratings: RatingStep[];
  requireRating: boolean;
  /** Whether a disputed verdict must give readers its rationale (`publicNote`). */
  requirePublicNote: boolean;
  secondOpinion: SecondOpinionSettings;
  updatedAt: Date;
}

/** What a verdict form needs of the settings: the scale, and whether a rating and a public rationale are required. */
export type VerdictRules = Pick<DeskSettings, 'ratings' | 'requireRating' | 'requirePublicNote'>;

/** The verdicts a rating may qualify. */
export const RATED_VERDICTS = ['sourced', 'disputed'] as const;

export const RATING_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const RATING_STEPS_MIN = 2;
export const RATING_STEPS_MAX = 20;

/** What is wrong with a scale, as an error code and a message; null: it is a valid scale. */
export function scaleProblem(ratings: RatingStep[]): { code: ScaleProblem; message: string } | null {
  if (ratings.length < RATING_STEPS_MIN || ratings.length > RATING_STEPS_MAX)
    return {
      code: 'invalid_rating_scale',
      message: `A rating scale has ${RATING_STEPS_MIN} to ${RATING_STEPS_MAX} steps, not ${ratings.length}`,
    };
  const seen = new Set<string>();
  for (const step of ratings) {
    if (!RATING_KEY_PATTERN.test(step.key) || step.key.length > 40)
      return {
        code: 'invalid_rating_key',
        message: `Rating key "${step.key}" must be lowercase letters and digits joined by hyphens (at most 40)`,
      };
    if (seen.has(step.key)) return { code: 'duplicate_rating_key', message: `Rating key "${step.key}" is repeated` };
    seen.add(step.key);
    if (!Number.isSafeInteger(step.ratingValue))
      return { code: 'invalid_rating_value', message: `Rating "${step.key}" needs an integer ratingValue` };
  }
  return null;
}

export type ScaleProblem =
  'invalid_rating_scale' | 'invalid_rating_key' | 'duplicate_rating_key' | 'invalid_rating_value';

/** A rating as schema.org's Rating gives it: the step's value and label, and the scale's best and worst values. */
export interface ResolvedRating {
  key: string;
  label: string;
  ratingValue: number;
  bestRating: number;
  worstRating: number;
}

/** The step `key` names on the scale, with the scale's bounds; null: no key, or one the scale no longer has. */
export function resolveRating(ratings: RatingStep[], key: string | null): ResolvedRating | null {
  const step = key ? ratings.find((r) => r.key === key) : undefined;
  if (!step) return null;
  const values = ratings.map((r) => r.ratingValue);
  return { ...step, bestRating: Math.max(...values), worstRating: Math.min(...values) };
}

/** Whether a verdict to `status` on a claim this check-worthy must wait for a second person's approval. */
export function needsSecondOpinion(settings: SecondOpinionSettings, status: string, checkworthiness: number): boolean {
  return (
    settings.enabled &&
    (settings.statuses as readonly string[]).includes(status) &&
    checkworthiness >= settings.minCheckworthiness
  );
}
