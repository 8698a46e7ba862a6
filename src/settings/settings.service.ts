import { HttpStatus, Injectable } from '@nestjs/common';
import { recordAuditEvent, type AuditActor } from '../audit/audit.repository';
import { ApiError } from '../common/api-error';
import { scaleProblem, type DeskSettings, type VerdictRules } from './desk-settings';
import type { UpdateSettingsDto } from './dto/update-settings.dto';
import { SettingsRepository } from './settings.repository';

/** The fields given a value (a transformed DTO also holds the ones left out, as undefined). */
function definedFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The audit log names targets by uuid; the desk's settings are one, named by the nil uuid. */
export const DESK_SETTINGS_AUDIT_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The desk's settings. Read from the row at each use (one indexed row), so every api and worker process sees an
 * admin's change from its commit on.
 */
@Injectable()
export class SettingsService {
  constructor(private readonly repository: SettingsRepository) {}

  get(): Promise<DeskSettings> {
    return this.repository.read();
  }

  /** What the verdict forms need: the scale, and whether a rating and a public rationale are required. */
  async verdictRules(): Promise<VerdictRules> {
    const { ratings, requireRating, requirePublicNote } = await this.repository.read();
    return { ratings, requireRating, requirePublicNote };
  }

  /** Applies the fields given, checked as a whole, and audits the change (target 'settings'). */
  async update(actor: AuditActor, dto: UpdateSettingsDto): Promise<DeskSettings> {
    if (dto.ratings) {
      const problem = scaleProblem(dto.ratings);
      if (problem) throw new ApiError(HttpStatus.BAD_REQUEST, problem.code, problem.message);
    }
    return this.repository.transaction(async (em) => {
      const before = await this.repository.lock(em);
      const next = {
        ratings: dto.ratings ?? before.ratings,
        requireRating: dto.requireRating ?? before.requireRating,
        requirePublicNote: dto.requirePublicNote ?? before.requirePublicNote,
        secondOpinion: { ...before.secondOpinion, ...definedFields(dto.secondOpinion ?? {}) },
      };
      const saved = await this.repository.write(em, next);
      await recordAuditEvent(em, {
        action: 'settings.updated',
        actor,
        targetType: 'settings',
        targetId: DESK_SETTINGS_AUDIT_ID,
        details: {
          changed: Object.keys(definedFields(dto)),
          ...next,
        },
      });
      return saved;
    });
  }
}
