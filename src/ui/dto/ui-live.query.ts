import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** What a page listens to: one article's claims, or (a reviewer's) the workbench. */
export class UiLiveQuery {
  @IsOptional()
  @IsUUID()
  article?: string;

  @IsOptional()
  @IsIn(['1'])
  workbench?: '1';
}
