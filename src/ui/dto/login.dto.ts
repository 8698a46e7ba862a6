import { IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @IsOptional() @IsString() @MaxLength(320)
  email?: string;

  @IsOptional() @IsString() @MaxLength(1000)
  password?: string;

  @IsOptional() @IsString() @MaxLength(2000)
  next?: string;
}

export class LoginQuery {
  @IsOptional() @IsString() @MaxLength(2000)
  next?: string;
}

/** A form of a session not yet signed in (or of the account page): the CSRF token comes in the body. */
export class CodeDto {
  @IsString() @MaxLength(20)
  code: string;

  @IsOptional() @IsString() @MaxLength(200)
  _csrf?: string;

  @IsOptional() @IsString() @MaxLength(2000)
  next?: string;
}

export class CsrfOnlyDto {
  @IsOptional() @IsString() @MaxLength(200)
  _csrf?: string;
}
