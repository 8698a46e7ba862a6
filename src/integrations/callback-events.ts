export const CALLBACK_EVENTS = ['article.extracted', 'claim.status_changed', 'article.reviewed'] as const;
export type CallbackEvent = (typeof CALLBACK_EVENTS)[number];
