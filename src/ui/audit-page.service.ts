import { Injectable } from '@nestjs/common';
import { ListEventsQuery } from '../admin/dto/list-events.query';
import { EventsQueryService } from '../admin/events-query.service';
import { PeopleService } from '../people/people.service';
import type { AuditFilterQuery } from './dto/admin-forms.dto';
import { optionalField, validatedAs } from './form-input';
import { PagesRepository } from './pages.repository';
import type { AuditPageData } from './views/audit-page';

const PAGE_SIZE = 50;

/** The audit log page: the API's log, filtered the same way, with names for the people, keys and articles it names. */
@Injectable()
export class AuditPageService {
  constructor(
    private readonly events: EventsQueryService,
    private readonly people: PeopleService,
    private readonly pages: PagesRepository,
  ) {}

  async load(query: AuditFilterQuery): Promise<AuditPageData> {
    const filters = { person: query.person ?? '', claim: query.claim ?? '', since: query.since ?? '' };
    const listQuery = await validatedAs(ListEventsQuery, {
      personId: optionalField(filters.person),
      claimId: optionalField(filters.claim.trim()),
      since: optionalField(filters.since),
      cursor: optionalField(query.cursor),
      limit: PAGE_SIZE,
    });
    const [page, people, reviewerNames] = await Promise.all([
      this.events.list(listQuery),
      this.people.list(),
      this.pages.reviewerNames(),
    ]);
    const targetsOf = (type: string) =>
      page.items.flatMap((e) => ('target' in e && e.target.type === type && e.target.id ? [e.target.id] : []));
    const keyIds = [...page.items.flatMap((e) => (e.actor.keyId ? [e.actor.keyId] : [])), ...targetsOf('key')];
    const articleIds = page.items.flatMap((e) => ('articleId' in e && e.articleId ? [e.articleId] : []));
    const [keyNames, articleTitles, integratorNames, endpointUrls] = await Promise.all([
      this.pages.keyNames(keyIds),
      this.pages.articleTitles(articleIds),
      this.pages.integratorNames(targetsOf('integrator')),
      this.pages.endpointUrls(targetsOf('endpoint')),
    ]);
    return {
      entries: page.items,
      nextCursor: page.nextCursor,
      filters,
      people: people.map((p) => ({ id: p.id, name: p.name })),
      keyNames,
      articleTitles,
      reviewerNames,
      integratorNames,
      endpointUrls,
    };
  }
}
