import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ApiError } from './api-error';
import { cursorValuesFit, type CursorKind } from './cursor-values';

export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const pageClasses = new Map<Class<unknown>, Class<Page<unknown>>>();

/** The OpenAPI schema of a page of `item` (`ClaimResponse` → `ClaimPage`), one class per item class. */
export function PageOf<T>(item: Class<T>): Class<Page<T>> {
  let page = pageClasses.get(item);
  if (!page) {
    class ItemPage implements Page<T> {
      @ApiProperty({ type: [item] })
      items: T[];

      @ApiProperty({ type: String, nullable: true, description: 'The next page as ?cursor=; null on the last page' })
      nextCursor: string | null;
    }
    Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
    page = ItemPage;
    pageClasses.set(item, page);
  }
  return page as Class<Page<T>>;
}

/** Keyset cursors: the sort key and id of the last row, opaque to clients. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, kinds: CursorKind[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (cursorValuesFit(values, kinds)) return values;
  } catch {
    // falls through to the validation error
  }
  throw ApiError.validation({ cursor: ['cursor is not one this service issued'] });
}

/** Fetches limit + 1 rows so the last page needs no extra query. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(cursorOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
