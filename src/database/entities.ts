import { ArticleRevisionEntity } from '../articles/article-revision.entity';
import { ArticleEntity } from '../articles/article.entity';
import { ApiKeyEntity } from '../auth/api-key.entity';
import { ClaimEventEntity } from '../claims/claim-event.entity';
import { ClaimEntity } from '../claims/claim.entity';
import { ReviewerEntity } from '../reviewers/reviewer.entity';

export const ENTITIES = [ApiKeyEntity, ReviewerEntity, ArticleEntity, ArticleRevisionEntity, ClaimEntity, ClaimEventEntity];
