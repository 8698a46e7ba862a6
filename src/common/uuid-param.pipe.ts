import { type ArgumentMetadata, Injectable, ParseUUIDPipe } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiError } from './api-error';

/** An id that is not even a uuid (of any version) names nothing here: 404, like any unknown id. */
@Injectable()
export class UuidParamPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return ((await super.transform(value, metadata)) as string).toLowerCase();
    } catch {
      throw ApiError.notFound('Resource', value);
    }
  }
}

export function isUuid(value: string): boolean {
  return isUUID(value, 'all');
}
