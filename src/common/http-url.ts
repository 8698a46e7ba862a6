import { ValidateBy } from 'class-validator';

/**
 * The one rule for a URL the desk stores: http or https with a host, as WHATWG URL (the worker's parser) reads it
 * — so any spelling it accepts (`http://2130706433/`) reaches the callback address rule as the address it would
 * connect to — and no user name or password: a stored URL shows in lists, history and logs, and a callback receiver
 * authenticates deliveries by their signature.
 */
export function httpUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be an http or https URL';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http or https URL';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    return 'must be an http or https URL';
  if (url.username !== '' || url.password !== '')
    return 'must not hold a user name or password (user:password@); callbacks are authenticated by their signature';
  return null;
}

export const IsHttpUrl = () =>
  ValidateBy({
    name: 'isHttpUrl',
    validator: {
      validate: (value) => httpUrlProblem(value) === null,
      defaultMessage: (args) => `${args?.property ?? 'url'} ${httpUrlProblem(args?.value)}`,
    },
  });
