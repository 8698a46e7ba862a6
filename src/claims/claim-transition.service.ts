import { claimantKindOf } from './claimant-kind';
import type { CorrectClaimantDto } from './dto/correct-claimant.dto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvents } from '../database/domain-events';
import { inOneStatementThen, inTransaction, nullOnDeadlock } from '../database/unit-of-work';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import type { ClaimEventEntity } from './claim-event.entity';
import { needsSecondOpinion, RATED_VERDICTS, type DeskSettings } from '../settings/desk-settings';
import { SettingsService } from '../settings/settings.service';
import { claimStatusChanged } from './claim-callback';
import { publicSlugFor } from './public-page';
import { CLAIM_MOVED, SECOND_OPINION_REQUESTED } from './claim-events';
import { actorOf } from './claim-history';
import { allowedTargets, checkMove, checkUndo, mayDecideOn, moversFor, type UndoCheck } from './claim-state-machine';
import { CANDIDATE, VERDICTS } from './claim-status';
import type { ClaimEntity } from './claim.entity';
import { ClaimsRepository } from './claims.repository';
import type { EvidenceDto } from './dto/evidence.dto';
import type { TransitionClaimDto } from './dto/transition-claim.dto';
import type { UndoVerdictDto } from './dto/undo-verdict.dto';

function isRated(status: string): boolean {
  return (RATED_VERDICTS as readonly string[]).includes(status);
}

/** How often a move reads the claim again after it changed between the read and the move. */
export const MOVE_ATTEMPTS = 5;

/** Moves claims through the state machine; the rules themselves live in claim-state-machine.ts. */
@Injectable()
export class ClaimTransitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly claims: ClaimsRepository,
    private readonly config: ConfigService<Environment, true>,
    private readonly settings: SettingsService,
  ) {}

  async move(claimId: string, principal: Principal, dto: TransitionClaimDto, ifMatch?: string): Promise<ClaimEntity> {
    return (await this.moveAsRead(claimId, principal, dto, this.atExpectedVersion(dto, ifMatch)))[0];
  }

  /**
   * `move`, then `next` (the claim the reviewer works next) once the move has committed, beside the move's queue work.
   * A verdict on a claim the acting reviewer held frees its slot for `next` to fill: the move does not offer that slot
   * to the waiting claims, and tells `next` (`ownSlotFreed`), which must offer it if it fills none.
   */
  async moveThen<U>(
    claimId: string,
    principal: Principal,
    dto: TransitionClaimDto,
    ifMatch: string | undefined,
    next: (moved: ClaimEntity, ownSlotFreed: boolean) => Promise<U>,
  ): Promise<[ClaimEntity, U]> {
    const [moved, followed] = await this.moveAsRead(
      claimId,
      principal,
      dto,
      this.atExpectedVersion(dto, ifMatch),
      next,
    );
    return [moved, followed as U];
  }

  /** Admits the claim only at the version the caller saw (`expectedVersion`, or `If-Match`). */
  private atExpectedVersion(dto: TransitionClaimDto, ifMatch: string | undefined) {
    const expectedVersion = this.expectedVersionOf(dto, ifMatch);
    return async (em: EntityManager, current: ClaimEntity) => {
      if (current.version !== expectedVersion) throw await this.staleVersion(em, current);
    };
  }

  /**
   * A move at whatever version the claim has when it is read (bulk actions name no versions): the state machine
   * decides on the claim as read, and the move is made only if it is still so (else it is read and decided again).
   */
  async moveAsFound(
    claimId: string,
    principal: Principal,
    dto: Omit<TransitionClaimDto, 'expectedVersion'>,
  ): Promise<ClaimEntity> {
    return (await this.moveAsRead(claimId, principal, dto, () => undefined))[0];
  }

  /**
   * A candidate becomes a claim in review (`candidate → unverified`, the state machine's rule): one step, no version
   * to name, since nothing but a promotion or a revision changes a candidate. After the commit it is queued and matched.
   */
  async promote(claimId: string, principal: Principal): Promise<ClaimEntity> {
    const [promoted] = await this.moveAsRead(
      claimId,
      principal,
      { to: 'unverified', note: 'promoted from candidate' },
      (em, current) => {
        if (current.status !== CANDIDATE) {
          throw new ApiError(
            HttpStatus.CONFLICT,
            'illegal_transition',
            `The claim is ${current.status}, not a candidate: there is nothing to promote`,
            {
              current: current.status,
              allowed: allowedTargets(current.status),
            },
          );
        }
      },
    );
    return promoted;
  }

  /**
   * A reviewer takes back their own verdict within VERDICT_UNDO_SECONDS (the rule: checkUndo). The claim is unverified
   * and theirs again if their capacity has room, else back in the pool; the move is announced like any other, so
   * callbacks say so and the desk's fact-check is withdrawn.
   */
  async undo(
    claimId: string,
    principal: Principal,
    dto: UndoVerdictDto,
    ifMatch?: string,
    now = new Date(),
  ): Promise<ClaimEntity> {
    const expectedVersion = this.expectedVersionOf(dto, ifMatch);
    const windowSeconds = this.config.get('VERDICT_UNDO_SECONDS', { infer: true });
    return inTransaction(this.dataSource, async (em) => {
      const current = await this.lockClaim(em, claimId);
      if (current.version !== expectedVersion) throw await this.staleVersion(em, current);
      const check = await this.checkUndoOf(em, current, principal, now);
      if (!check.ok && check.reason === 'nothing_to_undo') {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'nothing_to_undo',
          `The claim is ${current.status}: there is no verdict of yours to undo`,
          { current: current.status },
        );
      }
      if (!check.ok && check.reason === 'forbidden')
        throw ApiError.forbidden('Only the reviewer who gave this verdict may undo it (editors and admins reopen)');
      if (!check.ok) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'undo_expired',
          `A verdict may be undone for ${windowSeconds} s; this one could be until ${check.until.toISOString()}`,
          {
            until: check.until.toISOString(),
            windowSeconds,
          },
        );
      }
      const claim = await this.claims.undoVerdict(
        em,
        {
          id: current.id,
          reviewerId: principal.reviewerId!,
          leaseSeconds: this.config.get('LEASE_SECONDS', { infer: true }),
        },
        {
          type: 'verdict_undone',
          actor: actorOf(principal),
          fromStatus: current.status,
          toStatus: 'unverified',
          note: dto.note,
        },
      );
      await this.events.publish(em, CLAIM_MOVED, {
        claim,
        from: current.status,
        freedReviewerId: null,
        // An unpublished verdict taken back was never heard of: nothing to tell.
        recordedCallbacks: current.approval === 'pending' ? [] : null,
      });
      return claim;
    });
  }

  /** Until when `principal` may undo the claim's verdict, or null: whether the workbench offers Undo. */
  async undoableUntil(principal: Principal, claim: ClaimEntity, now = new Date()): Promise<Date | null> {
    const check = await this.checkUndoOf(this.dataSource.manager, claim, principal, now);
    return check.ok ? check.until : null;
  }

  private async checkUndoOf(
    em: EntityManager,
    claim: ClaimEntity,
    principal: Principal,
    now: Date,
  ): Promise<UndoCheck> {
    const last = await this.claims.lastTransition(em, claim.id);
    const lastMove = last && {
      toStatus: last.toStatus,
      reviewerId: last.reviewerId,
      actorRole: last.actorRole,
      at: last.createdAt,
    };
    const windowSeconds = this.config.get('VERDICT_UNDO_SECONDS', { infer: true });
    return checkUndo({
      status: claim.status,
      lastMove,
      role: principal.role,
      reviewerId: principal.reviewerId,
      now,
      windowSeconds,
    });
  }

  /**
   * Reads the claim, lets `admit` refuse it as read (a stale version, not a candidate) and the state machine decide,
   * then moves it in one call that holds no transaction across the api. Should the claim have changed in between
   * (another move, an assignment, a lapsed lease), it is read and decided again: each retry follows someone else's
   * commit, and a claim that keeps changing answers 409 after MOVE_ATTEMPTS reads rather than holding the request.
   */
  private async moveAsRead<U = undefined>(
    claimId: string,
    principal: Principal,
    dto: Omit<TransitionClaimDto, 'expectedVersion'>,
    admit: (em: EntityManager, current: ClaimEntity) => Promise<void> | void,
    next?: (moved: ClaimEntity, ownSlotFreed: boolean) => Promise<U>,
  ): Promise<[ClaimEntity, U | undefined]> {
    // The settings and the claim are read side by side: neither waits for the other's round trip.
    const settingsRead = this.settings.get();
    settingsRead.catch(() => undefined); // awaited below; a failure there is the request's
    return inOneStatementThen(
      this.dataSource,
      async (em) => {
        for (let attempt = 1; attempt <= MOVE_ATTEMPTS; attempt++) {
          const current = await this.claims.readById(em, claimId);
          const settings = await settingsRead;
          if (!current) throw ApiError.notFound('Claim', claimId);
          await admit(em, current);
          this.checkMoveOf(current, principal, dto);
          const rating = this.ratingOf(settings, dto);
          const publicNote = this.publicNoteOf(settings, dto);
          const isVerdict = VERDICTS.includes(dto.to);
          const approval = needsSecondOpinion(settings.secondOpinion, dto.to, current.checkworthiness)
            ? 'pending'
            : null;
          // Unpublished: a verdict waiting for a second opinion, and a move away from one nobody was told of.
          const published = approval !== 'pending' && !(current.approval === 'pending' && !isRated(dto.to));
          // A published verdict gets its public page in the move (the page's address never changes once given).
          const publishedSlug = published && isRated(dto.to) ? (current.publicSlug ?? publicSlugFor(current)) : null;
          const sources = dto.sources ?? [];
          const callback = published
            ? claimStatusChanged(
                {
                  ...current,
                  status: dto.to,
                  version: current.version + 1,
                  rating,
                  publicNote,
                  approval,
                  publicSlug: publishedSlug ?? current.publicSlug,
                },
                current.status,
                sources,
                settings.ratings,
              )
            : null;
          // A verdict ends the assignment; the reviewer who gave it may revise it later. A move aborted by a deadlock
          // (it locks the claim, then through the open-claims trigger its reviewer; a deactivation locks them the other
          // way round) changed nothing: it is read and decided again, like a claim that changed.
          const moveAs = (manager: EntityManager) =>
            this.claims.moveAsRead(
              manager,
              current,
              {
                to: dto.to,
                isVerdict,
                reviewerId: principal.reviewerId,
                rating,
                publicNote,
                approval,
                publishedSlug,
                callback,
                // A published verdict settles an open item: an unverified claim, or a verdict that waited for approval.
                mayCompleteArticle: isVerdict && (current.status === 'unverified' || current.approval === 'pending'),
              },
              {
                type: 'transition',
                actor: actorOf(principal),
                fromStatus: current.status,
                toStatus: dto.to,
                note: dto.note,
                sources,
                rating,
                publicNote,
              },
            );
          // A verdict waiting for a second opinion and the notices asking for one commit together, or neither does.
          const moved = await (
            approval === 'pending'
              ? em.transaction(async (tx) => {
                  const pending = await moveAs(tx);
                  if (pending)
                    await this.events.publish(tx, SECOND_OPINION_REQUESTED, {
                      claim: pending.claim,
                      authorReviewerId: principal.reviewerId,
                      authorUserId: principal.userId,
                    });
                  return pending;
                })
              : moveAs(em)
          ).catch(nullOnDeadlock);
          if (!moved) continue;
          // With `next` to follow, the acting reviewer's own freed slot is left for `next` to fill (or offer).
          const ownSlotFreed = isVerdict && next !== undefined && current.assigneeId === principal.reviewerId;
          await this.events.publish(em, CLAIM_MOVED, {
            claim: moved.claim,
            from: current.status,
            freedReviewerId: isVerdict && !ownSlotFreed ? current.assigneeId : null,
            recordedCallbacks: moved.dueCallbacks,
          });
          return { claim: moved.claim, ownSlotFreed };
        }
        throw new ApiError(
          HttpStatus.CONFLICT,
          'conflict',
          `The claim kept changing while this move was decided (${MOVE_ATTEMPTS} tries); reload it and try again`,
          { attempts: MOVE_ATTEMPTS },
        );
      },
      async ({ claim, ownSlotFreed }) => next?.(claim, ownSlotFreed),
    ).then(([{ claim }, followed]) => [claim, followed]);
  }

  /**
   * The verdict's rating, checked against the desk's scale: only sourced and disputed verdicts carry one, required when
   * the desk says so; any other move clears it.
   */
  private ratingOf(settings: DeskSettings, dto: Omit<TransitionClaimDto, 'expectedVersion'>): string | null {
    if (!isRated(dto.to)) {
      if (dto.rating !== undefined)
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'rating_not_allowed',
          `Only sourced and disputed verdicts carry a rating, not a move to ${dto.to}`,
        );
      return null;
    }
    if (!dto.rating) {
      if (settings.requireRating)
        throw new ApiError(HttpStatus.BAD_REQUEST, 'rating_required', `A ${dto.to} verdict needs a rating`, {
          ratings: settings.ratings.map((r) => r.key),
        });
      return null;
    }
    if (!settings.ratings.some((r) => r.key === dto.rating))
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'unknown_rating',
        `"${dto.rating}" is not on the desk's rating scale`,
        {
          ratings: settings.ratings.map((r) => r.key),
        },
      );
    return dto.rating;
  }

  /**
   * The verdict's rationale for readers: only sourced and disputed verdicts carry one, a disputed one must when the
   * desk says so; any other move clears it.
   */
  private publicNoteOf(settings: DeskSettings, dto: Omit<TransitionClaimDto, 'expectedVersion'>): string | null {
    const publicNote = dto.publicNote?.trim() || null;
    if (!isRated(dto.to)) {
      if (publicNote)
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'public_note_not_allowed',
          `Only sourced and disputed verdicts carry a public rationale, not a move to ${dto.to}`,
        );
      return null;
    }
    if (!publicNote && dto.to === 'disputed' && settings.requirePublicNote)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'public_note_required',
        'A disputed verdict needs publicNote: the rationale readers see (the note stays inside the desk)',
      );
    return publicNote;
  }

  /** The state machine's check of the move, as an error to answer when it refuses. */
  private checkMoveOf(
    current: ClaimEntity,
    principal: Principal,
    dto: Omit<TransitionClaimDto, 'expectedVersion'>,
  ): void {
    const check = checkMove({
      from: current.status,
      to: dto.to,
      movers: moversFor(principal.role, principal.reviewerId, current),
      hasSource: (dto.sources?.length ?? 0) > 0,
      hasNote: !!dto.note?.trim(),
    });
    if (!check.ok && check.reason === 'illegal_transition') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'illegal_transition',
        `A claim cannot move from ${current.status} to ${dto.to}`,
        {
          current: current.status,
          allowed: check.allowed,
        },
      );
    }
    if (!check.ok && check.reason === 'forbidden')
      throw ApiError.forbidden(`You may not move this claim from ${current.status} to ${dto.to}`);
    if (!check.ok) {
      const what = check.evidence === 'source' ? 'at least one source' : 'a note with the rationale';
      throw new ApiError(HttpStatus.BAD_REQUEST, 'evidence_required', `Moving to ${dto.to} needs ${what}`, {
        required: check.evidence,
      });
    }
  }

  /** Sources and notes without a move: whoever may move the claim may annotate it. */
  async annotate(claimId: string, principal: Principal, dto: EvidenceDto): Promise<ClaimEventEntity> {
    if (!dto.note?.trim() && !dto.sources?.length)
      throw ApiError.validation({ note: ['give a note, sources, or both'] });
    return this.dataSource.transaction(async (em) => {
      const claim = await this.lockClaim(em, claimId);
      if (!mayDecideOn(principal.role, principal.reviewerId, claim))
        throw ApiError.forbidden('Only the claim’s reviewer, an editor or an admin may annotate it');
      await this.claims.appendEvents(em, [
        {
          claimId,
          articleId: claim.articleId,
          type: 'note',
          actor: actorOf(principal),
          note: dto.note,
          sources: dto.sources,
        },
      ]);
      return this.claims.lastEvent(em, claimId);
    });
  }

  /**
   * An editor corrects who a claim is attributed to, or whether that is a person or an organization (the
   * ClaimReview's author type); the history keeps what it was.
   */
  async correctClaimant(claimId: string, principal: Principal, dto: CorrectClaimantDto): Promise<ClaimEntity> {
    if (dto.claimant === undefined && dto.kind === undefined)
      throw ApiError.validation({ claimant: ['give a claimant, a kind, or both'] });
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockClaim(em, claimId);
      const claimant = dto.claimant === undefined ? current.claimant : (dto.claimant?.trim() ?? null);
      const kind = dto.kind === undefined ? current.editorClaimantKind : dto.kind;
      const claim = await this.claims.setClaimant(em, claimId, claimant, claimant === null ? null : kind);
      const attributed = (c: ClaimEntity) =>
        c.claimant === null ? 'the article itself' : `${c.claimant} (${claimantKindOf(c)})`;
      await this.claims.appendEvents(em, [
        {
          claimId,
          articleId: claim.articleId,
          type: 'claimant_changed',
          actor: actorOf(principal),
          note: `Claimant: ${attributed(current)} → ${attributed(claim)}`,
        },
      ]);
      return claim;
    });
  }

  /** The version a request names, in its body or its If-Match header. */
  expectedVersionOf(dto: { expectedVersion?: number }, ifMatch?: string): number {
    if (dto.expectedVersion !== undefined) return dto.expectedVersion;
    const match = ifMatch ? /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim()) : null;
    if (match) return Number(match[1]);
    throw ApiError.validation({ expectedVersion: ['send expectedVersion, or If-Match: "<version>"'] });
  }

  private async lockClaim(em: EntityManager, claimId: string): Promise<ClaimEntity> {
    const claim = await this.claims.lockById(em, claimId);
    if (!claim) throw ApiError.notFound('Claim', claimId);
    return claim;
  }

  /** The 409 for a request that named a version the claim has left, with who moved it last. */
  async staleVersion(em: EntityManager, claim: ClaimEntity): Promise<ApiError> {
    const last = await this.claims.lastTransition(em, claim.id);
    const lastMovedBy = last
      ? { role: last.actorRole, keyId: last.actorKeyId, reviewerId: last.reviewerId, at: last.createdAt }
      : null;
    return new ApiError(
      HttpStatus.CONFLICT,
      'stale_version',
      `The claim is at version ${claim.version}; reload and try again`,
      {
        currentVersion: claim.version,
        lastMovedBy,
      },
    );
  }
}
