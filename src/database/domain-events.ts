import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A named event with a typed payload; the domain that raises it declares it. */
export interface DomainEvent<T> {
  readonly name: string;
  /** Carries T for the type checker only. */
  readonly payload?: T;
}

export function domainEvent<T>(name: string): DomainEvent<T> {
  return { name };
}

type Handler<T> = (em: EntityManager, payload: T) => Promise<void>;

/**
 * Lets a lower domain announce a change (a verdict, a freed claim) that higher ones react to, without importing them.
 * Handlers run inside the publisher's transaction: they write what belongs in it (an outbox row) and register what
 * must follow the commit with `afterCommit`.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<string, Handler<never>[]>();

  on<T>(event: DomainEvent<T>, handler: Handler<T>): void {
    this.handlers.set(event.name, [...(this.handlers.get(event.name) ?? []), handler]);
  }

  async publish<T>(em: EntityManager, event: DomainEvent<T>, payload: T): Promise<void> {
    for (const handler of this.handlers.get(event.name) ?? []) await (handler as Handler<T>)(em, payload);
  }
}
