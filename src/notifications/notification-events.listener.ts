import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLAIM_ASSIGNED, CLAIM_DUE_SOON, SECOND_OPINION_REQUESTED, VERDICT_RETURNED } from '../claims/claim-events';
import type { ClaimEntity } from '../claims/claim.entity';
import { DomainEvents } from '../database/domain-events';
import type { NotificationKind } from './notification-kinds';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/**
 * Turns the claims' events into notices, in the transaction that raised them: an assignment, a verdict waiting for a
 * second opinion, a returned verdict, a due date near. Each dedupe key names what makes the event itself (the
 * assignment's time, the claim's version), so the same event seen twice is one notice and a later one is another.
 */
@Injectable()
export class NotificationEventsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly people: NotificationsRepository,
  ) {}

  onModuleInit(): void {
    this.events.on(CLAIM_ASSIGNED, (em, { claim, reviewerId, actorUserId }) =>
      this.toReviewer(
        em,
        reviewerId,
        'assigned',
        claim,
        actorUserId,
        String(new Date(claim.assignedAt ?? 0).getTime()),
      ),
    );
    this.events.on(VERDICT_RETURNED, (em, { claim, reviewerId, actorUserId }) =>
      this.toReviewer(em, reviewerId, 'returned', claim, actorUserId, String(claim.version)),
    );
    this.events.on(CLAIM_DUE_SOON, (em, { claim, reviewerId }) =>
      // Once per holder and due date: a new due date is announced again.
      this.toReviewer(em, reviewerId, 'due_soon', claim, null, `${reviewerId}:${new Date(claim.dueAt ?? 0).getTime()}`),
    );
    // Everyone who may give the second opinion: the other reviewers a person acts as.
    this.events.on(SECOND_OPINION_REQUESTED, async (em, { claim, authorReviewerId, authorUserId }) => {
      const people = await this.people.otherReviewerPeople(em, authorReviewerId);
      await this.notifications.notify(
        em,
        people.map((userId) => notice(userId, 'second_opinion_requested', claim, authorUserId, String(claim.version))),
      );
    });
  }

  /** A notice to the person who acts as the reviewer, if a person does. */
  private async toReviewer(
    em: EntityManager,
    reviewerId: string,
    kind: NotificationKind,
    claim: ClaimEntity,
    actorUserId: string | null,
    occasion: string,
  ): Promise<void> {
    const person = await this.people.personOfReviewer(em, reviewerId);
    if (person) await this.notifications.notify(em, [notice(person, kind, claim, actorUserId, occasion)]);
  }
}

function notice(
  userId: string,
  kind: NotificationKind,
  claim: ClaimEntity,
  actorUserId: string | null,
  occasion: string,
): Parameters<NotificationsService['notify']>[1][number] {
  return {
    userId,
    kind,
    claimId: claim.id,
    articleId: claim.articleId,
    actorUserId,
    dedupeKey: `${kind}:${claim.id}:${occasion}`,
  };
}
