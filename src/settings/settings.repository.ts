import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../database/sql';
import type { DeskSettings } from './desk-settings';

interface SettingsRow {
  ratings: DeskSettings['ratings'];
  require_rating: boolean;
  require_public_note: boolean;
  second_opinion: DeskSettings['secondOpinion'];
  updated_at: Date;
}

const COLUMNS = 'ratings, require_rating, require_public_note, second_opinion, updated_at';

function fromRow(row: SettingsRow): DeskSettings {
  return {
    ratings: row.ratings,
    requireRating: row.require_rating,
    requirePublicNote: row.require_public_note,
    secondOpinion: row.second_opinion,
    updatedAt: row.updated_at,
  };
}

/** `desk_settings`: its one row. */
@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(em: EntityManager = this.dataSource.manager): Promise<DeskSettings> {
    const [row]: SettingsRow[] = await em.query(`SELECT ${COLUMNS} FROM desk_settings WHERE id = 1`);
    return fromRow(row);
  }

  /** Locks the row for a change, so two admins' changes apply one after the other. */
  async lock(em: EntityManager): Promise<DeskSettings> {
    const [row]: SettingsRow[] = await em.query(`SELECT ${COLUMNS} FROM desk_settings WHERE id = 1 FOR UPDATE`);
    return fromRow(row);
  }

  async write(em: EntityManager, settings: Omit<DeskSettings, 'updatedAt'>): Promise<DeskSettings> {
    const [row] = await returningRows<SettingsRow>(
      em,
      `UPDATE desk_settings SET ratings = $1, require_rating = $2, require_public_note = $3, second_opinion = $4,
         updated_at = now() WHERE id = 1
       RETURNING ${COLUMNS}`,
      [
        JSON.stringify(settings.ratings),
        settings.requireRating,
        settings.requirePublicNote,
        JSON.stringify(settings.secondOpinion),
      ],
    );
    return fromRow(row);
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
