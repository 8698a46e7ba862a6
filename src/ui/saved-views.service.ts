import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { validationDetails } from '../common/validation.pipe';
import { UiSearchQuery } from './dto/ui-search.query';
import type { SavedViewEntity } from './saved-view.entity';
import { SavedViewsRepository } from './saved-views.repository';

export const MAX_VIEWS_PER_PERSON = 50;
/** What a view keeps of the search page's query: its filters, not the page it was on. */
const VIEW_FILTERS = ['q', 'kind', 'status', 'claimant', 'from', 'to', 'tag'] as const;

/** The search page's address with a view's filters, in the form's order. */
export function viewUrl(filters: Record<string, string>): string {
  const query = new URLSearchParams(
    VIEW_FILTERS.flatMap((key): [string, string][] => (filters[key] !== undefined ? [[key, filters[key]]] : [])),
  ).toString();
  return query ? `/ui/search?${query}` : '/ui/search';
}

/** Saved views of the search page: each person's own (the one signed in, or the owner of the key). */
@Injectable()
export class SavedViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: SavedViewsRepository,
  ) {}

  list(principal: Principal): Promise<SavedViewEntity[]> {
    return this.views.listOf(this.personOf(principal));
  }

  async create(principal: Principal, name: string, raw: Record<string, unknown>): Promise<SavedViewEntity> {
    const userId = this.personOf(principal);
    const filters = await this.checkedFilters(raw);
    return this.dataSource.transaction(async (em) => {
      if ((await this.views.countOf(em, userId)) >= MAX_VIEWS_PER_PERSON)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'conflict',
          `A person keeps at most ${MAX_VIEWS_PER_PERSON} views; delete one first`,
        );
      const view = await this.views.insert(em, { userId, name: name.trim(), filters });
      if (!view) throw new ApiError(HttpStatus.CONFLICT, 'conflict', `You have a view named "${name.trim()}" already`);
      await recordAuditEvent(em, {
        action: 'view.created',
        actor: principal,
        targetType: 'view',
        targetId: view.id,
        details: { name: view.name, filters },
      });
      return view;
    });
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const userId = this.personOf(principal);
    await this.dataSource.transaction(async (em) => {
      // Another person's view is as good as none: its id says nothing.
      if (!(await this.views.delete(em, userId, id))) throw ApiError.notFound('View', id);
      await recordAuditEvent(em, { action: 'view.deleted', actor: principal, targetType: 'view', targetId: id });
    });
  }

  /** The filters by the search page's own rules (UiSearchQuery); kept as the page's query spells them. */
  private async checkedFilters(raw: Record<string, unknown>): Promise<Record<string, string>> {
    const query = plainToInstance(UiSearchQuery, raw);
    const errors = await validate(query, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0)
      throw ApiError.validation(
        Object.fromEntries(
          Object.entries(validationDetails(errors)).map(([field, messages]) => [`filters.${field}`, messages]),
        ),
      );
    const kept: Record<string, string> = {};
    for (const key of VIEW_FILTERS) {
      const value = query[key];
      if (value !== undefined && value !== null && String(value).trim() !== '') kept[key] = String(value);
    }
    return kept;
  }

  private personOf(principal: Principal): string {
    if (!principal.userId)
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'no_person',
        'Saved views belong to a person: this key has no owner; use a key a person owns, or the pages',
      );
    return principal.userId;
  }
}
