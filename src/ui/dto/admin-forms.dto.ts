import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CsrfOnlyDto } from './login.dto';

/** The admin console's forms send strings; the controllers turn them into the API's DTOs and check them with those. */
export class InviteFormDto extends CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(320) email?: string;
  @IsOptional() @IsString() @MaxLength(20) role?: string;
  @IsOptional() @IsString() @MaxLength(40) reviewerId?: string;
}

export class PersonChangeFormDto extends CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(20) role?: string;
  @IsOptional() @IsIn(['true', 'false']) active?: string;
}

export class ReviewerFormDto extends CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(320) email?: string;
  @IsOptional() @IsString() @MaxLength(200) languages?: string;
  @IsOptional() @IsString() @MaxLength(3000) topics?: string;
  @IsOptional() @IsString() @MaxLength(10) capacity?: string;
  /** A checkbox: present ("on") when ticked, absent otherwise. */
  @IsOptional() @IsString() @MaxLength(10) active?: string;
}

export class KeyFormDto extends CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsString() @MaxLength(20) role?: string;
  @IsOptional() @IsString() @MaxLength(40) ownerUserId?: string;
  @IsOptional() @IsString() @MaxLength(40) reviewerId?: string;
}

export class IntegratorFormDto extends CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
}

export class EndpointFormDto extends CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(2000) url?: string;
  /** Checkboxes: one value, several, or none ticked. */
  @IsOptional() @IsString({ each: true }) @MaxLength(40, { each: true }) events?: string | string[];
}

/** The audit log's filters, as the page's GET form sends them (empty fields mean "any"). */
export class AuditFilterQuery {
  @IsOptional() @IsString() @MaxLength(40) person?: string;
  @IsOptional() @IsString() @MaxLength(200) claim?: string;
  @IsOptional() @IsString() @MaxLength(40) since?: string;
  @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

/** The second-opinion tab's approve and return forms: the version seen, and a return's note. */
export class SecondOpinionFormDto extends CsrfOnlyDto {
  @IsString() @MaxLength(12) version: string;
  @IsOptional() @IsString() @MaxLength(10_000) note?: string;
}

/** The desk settings form: the scale one step a line ("key | label | value"), checkboxes absent when unticked. */
export class SettingsFormDto extends CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(5000) ratings?: string;
  @IsOptional() @IsString() @MaxLength(10) requireRating?: string;
  @IsOptional() @IsString() @MaxLength(10) requirePublicNote?: string;
  @IsOptional() @IsString() @MaxLength(10) secondOpinion?: string;
  @IsOptional() @IsString() @MaxLength(10) minCheckworthiness?: string;
  /** Checkboxes: one value, several, or none ticked. */
  @IsOptional() @IsString({ each: true }) @MaxLength(20, { each: true }) statuses?: string | string[];
}
