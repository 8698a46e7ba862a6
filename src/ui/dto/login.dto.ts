import { IsOptional, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @IsOptional() @IsString() @MaxLength(200)
  apiKey?: string;

  @IsOptional() @IsString() @MaxLength(2000)
  next?: string;
}

export class LoginQuery {
  @IsOptional() @IsString() @MaxLength(2000)
  next?: string;
}
