import { ApiProperty } from '@nestjs/swagger';
import { SECOND_OPINION_STATUSES, type DeskSettings, type SecondOpinionStatus } from './desk-settings';

export class RatingStepResponse {
  @ApiProperty()
  key: string;

  @ApiProperty()
  label: string;

  @ApiProperty()
  ratingValue: number;
}

export class SecondOpinionResponse {
  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ minimum: 0, maximum: 1 })
  minCheckworthiness: number;

  @ApiProperty({ enum: SECOND_OPINION_STATUSES, isArray: true })
  statuses: SecondOpinionStatus[];
}

export class SettingsResponse {
  @ApiProperty({ type: [RatingStepResponse], description: 'The rating scale, in order' })
  ratings: RatingStepResponse[];

  @ApiProperty()
  requireRating: boolean;

  @ApiProperty({ description: 'Whether a disputed verdict must carry a publicNote' })
  requirePublicNote: boolean;

  @ApiProperty({ type: SecondOpinionResponse })
  secondOpinion: SecondOpinionResponse;

  @ApiProperty()
  updatedAt: Date;
}

export function toSettingsResponse(settings: DeskSettings): SettingsResponse {
  return {
    ratings: settings.ratings.map(({ key, label, ratingValue }) => ({ key, label, ratingValue })),
    requireRating: settings.requireRating,
    requirePublicNote: settings.requirePublicNote,
    secondOpinion: {
      enabled: settings.secondOpinion.enabled,
      minCheckworthiness: settings.secondOpinion.minCheckworthiness,
      statuses: settings.secondOpinion.statuses,
    },
    updatedAt: settings.updatedAt,
  };
}
