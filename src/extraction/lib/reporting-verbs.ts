/** Lemmas of the verbs that report speech ("said", "told", "warned"): a sentence's attribution turns on them. */
export const REPORTING_VERBS: readonly string[] = [
  'say',
  'tell',
  'report',
  'claim',
  'announce',
  'state',
  'write',
  'add',
  'warn',
  'argue',
  'insist',
  'note',
  'reveal',
  'confirm',
  'deny',
  'estimate',
];
