export const NOTIFICATION_KINDS = [
  'assigned',
  'mentioned',
  'second_opinion_requested',
  'returned',
  'lease_expiring',
  'due_soon',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const MAIL_DELIVERIES = ['immediately', 'digest', 'off'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/** How a person hears of each kind by mail until they choose: a mention or a second opinion at once, new work in the digest. */
export const DEFAULT_DELIVERY: Record<NotificationKind, MailDelivery> = {
  assigned: 'digest',
  mentioned: 'immediately',
  second_opinion_requested: 'immediately',
  returned: 'immediately',
  lease_expiring: 'immediately',
  due_soon: 'immediately',
};

export const DEFAULT_DIGEST_HOUR = 8;

/** A person's choices, defaults filled in. */
export interface NotificationPreferences {
  kinds: Record<NotificationKind, MailDelivery>;
  /** The hour (0–23, in the person's time zone) the daily digest goes out. */
  digestHour: number;
}

export function preferencesWithDefaults(
  stored: { kinds: Partial<Record<string, string>>; digestHour: number } | undefined,
): NotificationPreferences {
  const kinds = { ...DEFAULT_DELIVERY };
  for (const kind of NOTIFICATION_KINDS) {
    const chosen = stored?.kinds[kind];
    if (chosen && (MAIL_DELIVERIES as readonly string[]).includes(chosen)) kinds[kind] = chosen as MailDelivery;
  }
  return { kinds, digestHour: stored?.digestHour ?? DEFAULT_DIGEST_HOUR };
}

/** What one notice says, in a mail's subject and in the pages. */
export function describeNotice(kind: NotificationKind, actorName: string | null): string {
  const who = actorName ?? 'The desk';
  switch (kind) {
    case 'assigned':
      return `${who} assigned you a claim`;
    case 'mentioned':
      return `${who} mentioned you on a claim`;
    case 'second_opinion_requested':
      return `${who} asks for a second opinion on a verdict`;
    case 'returned':
      return `${who} returned your verdict`;
    case 'lease_expiring':
      return 'Your hold on a claim is about to lapse';
    case 'due_soon':
      return 'A claim you hold is due within the hour';
  }
}
