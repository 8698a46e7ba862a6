import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet everywhere. The API and the pages get a strict Content-Security-Policy (the pages use no inline
 * script or style); only Swagger UI and bull-board, which inline styles and data: images, get those allowed,
 * and bull-board its Google fonts. Scripts stay 'self' for all of them.
 */
const STRICT = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const relaxedFor: [RegExp, Record<string, string[]>][] = [
  [/^\/docs(\/|$)/, { ...STRICT, styleSrc: ["'self'", "'unsafe-inline'"] }],
  [
    /^\/admin\/queues\/ui(\/|$)/,
    {
      ...STRICT,
      styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
      fontSrc: ["'self'", 'https://fonts.gstatic.com'],
    },
  ],
];

/**
 * `same-origin`, not helmet's `no-referrer`: no referrer leaves the desk either way, but under `no-referrer` a
 * browser's form post says `Origin: null`, and the pages' origin check needs the real one.
 */
const REFERRER_POLICY = { policy: 'same-origin' } as const;

export function securityHeaders(): RequestHandler {
  const strict = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: STRICT },
    referrerPolicy: REFERRER_POLICY,
  });
  const relaxed = relaxedFor.map(
    ([path, directives]) =>
      [
        path,
        helmet({ contentSecurityPolicy: { useDefaults: false, directives }, referrerPolicy: REFERRER_POLICY }),
      ] as const,
  );
  return (req, res, next) => (relaxed.find(([path]) => path.test(req.path))?.[1] ?? strict)(req, res, next);
}
