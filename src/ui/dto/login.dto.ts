import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsTimeZone, MaxLength } from 'class-validator';

export class LoginDto {
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

export class LoginQuery {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

/** A form of a session not yet signed in (or of the account page): the CSRF token comes in the body. */
export class CodeDto {
  @IsString()
  @MaxLength(20)
  code: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  _csrf?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

export class CsrfOnlyDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  _csrf?: string;
}

/** The account page's time zone: an IANA name, or empty for the desk's. */
export class TimeZoneDto extends CsrfOnlyDto {
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsTimeZone({ message: 'timeZone must be a time zone such as Europe/Berlin' })
  timeZone?: string;
}
