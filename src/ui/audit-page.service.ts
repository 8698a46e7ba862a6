import { Injectable } from '@nestjs/common';
import { ListEventsQuery } from '../admin/dto/list-events.query';
import { EventsQueryService } from '../admin/events-query.service';
import { PeopleService } from '../people/people.service';
import type { AuditFilterQuery } from './dto/admin-forms.dto';
import { optionalField, validatedAs } from './form-input';
import { PagesRepository } from './pages.repository';
import { SearchRepository } from './search.repository';
import type { AuditPageData } from './views/audit-page';

const PAGE_SIZE = 50;
const CLAIM_CHOICES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit log page: the API's log, newest first, filtered the same way, with names for the people, keys, claims and
 * articles it names. The claim filter takes a claim's id (the claim's page links here) or words of its text: words
 * list the claims they find to choose from.
 */
@Injectable()
export class AuditPageService {
  constructor(
    private readonly events: EventsQueryService,
    private readonly people: PeopleService,
    private readonly pages: PagesRepository,
    private readonly search: SearchRepository,
  ) {}

  async load(query: AuditFilterQuery): Promise<AuditPageData> {
    const filters = { person: query.person ?? '', claim: query.claim ?? '', since: query.since ?? '' };
    const claimText = filters.claim.trim();
    if (claimText && !UUID.test(claimText)) return this.claimChoices(filters, claimText);
    const listQuery = await validatedAs(ListEventsQuery, {
      personId: optionalField(filters.person),
      claimId: optionalField(claimText),
      since: optionalField(filters.since),
      cursor: optionalField(query.cursor),
      limit: PAGE_SIZE,
    });
    const [page, people, reviewerNames] = await Promise.all([
      this.events.list(listQuery, true),
      this.people.list(),
      this.pages.reviewerNames(),
    ]);
    const targetsOf = (type: string) =>
      page.items.flatMap((e) => ('target' in e && e.target.type === type && e.target.id ? [e.target.id] : []));
    const keyIds = [...page.items.flatMap((e) => (e.actor.keyId ? [e.actor.keyId] : [])), ...targetsOf('key')];
    const articleIds = page.items.flatMap((e) => ('articleId' in e && e.articleId ? [e.articleId] : []));
    const claimIds = page.items.flatMap((e) => ('claimId' in e && e.claimId ? [e.claimId] : []));
    if (claimText) claimIds.push(claimText);
    const [keyNames, articleTitles, claimTexts, integratorNames, endpointUrls] = await Promise.all([
      this.pages.keyNames(keyIds),
      this.pages.articleTitles(articleIds),
      this.pages.claimTexts(claimIds),
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
      claimTexts,
      claimChoices: null,
      reviewerNames,
      integratorNames,
      endpointUrls,
    };
  }

  /** Words in the claim filter: the claims they find, newest first, each a link to its own log. */
  private async claimChoices(filters: AuditPageData['filters'], words: string): Promise<AuditPageData> {
    const found = await this.search.claims({
      text: words,
      claimant: null,
      from: null,
      to: null,
      status: null,
      tag: null,
      limit: CLAIM_CHOICES,
      offset: 0,
      ranked: CLAIM_CHOICES,
    });
    return {
      entries: [],
      nextCursor: null,
      filters,
      people: (await this.people.list()).map((p) => ({ id: p.id, name: p.name })),
      keyNames: new Map(),
      articleTitles: new Map(),
      claimTexts: new Map(),
      claimChoices: found.map((c) => ({ id: c.id, text: c.text, articleTitle: c.articleTitle })),
      reviewerNames: new Map(),
      integratorNames: new Map(),
      endpointUrls: new Map(),
    };
  }
}
