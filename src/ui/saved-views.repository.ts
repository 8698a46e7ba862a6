import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedRows, entityFromRow, isUniqueViolation } from '../database/sql';
import { SavedViewEntity } from './saved-view.entity';

/** `saved_views`: each person's own. */
@Injectable()
export class SavedViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The person's views, by name. */
  listOf(userId: string): Promise<SavedViewEntity[]> {
    return this.dataSource
      .getRepository(SavedViewEntity)
      .find({ where: { userId }, order: { name: 'ASC', id: 'ASC' } });
  }

  countOf(em: EntityManager, userId: string): Promise<number> {
    return em.countBy(SavedViewEntity, { userId });
  }

  /** The new view; null when the person has one of that name already. */
  async insert(
    em: EntityManager,
    view: { userId: string; name: string; filters: Record<string, string> },
  ): Promise<SavedViewEntity | null> {
    try {
      const [row]: Record<string, unknown>[] = await em.query(
        `INSERT INTO saved_views (user_id, name, filters) VALUES ($1, $2, $3) RETURNING *`,
        [view.userId, view.name, JSON.stringify(view.filters)],
      );
      return entityFromRow(em, SavedViewEntity, row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Deletes the person's view; false when they have none of that id. */
  async delete(em: EntityManager, userId: string, id: string): Promise<boolean> {
    return (await affectedRows(em, `DELETE FROM saved_views WHERE id = $1 AND user_id = $2`, [id, userId])) > 0;
  }
}
