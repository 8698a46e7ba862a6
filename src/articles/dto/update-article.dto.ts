import { ApiProperty } from '@nestjs/swagger';
import { IsTimestamp } from '../../common/timestamp';
import { Nullable } from '../../common/nullable';

export class UpdateArticleDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the article’s claims should be checked by (null: none); its claims take it at once',
  })
  @Nullable()
  @IsTimestamp()
  dueAt?: Date | null;
}
