import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Matches,
  MinLength,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim().toLowerCase())
        .filter(Boolean)
    : value;
const PERSON_ROLES = ['admin', 'editor', 'reviewer'];

/** An address, a CIDR block, or one of Express's named ranges: what `trust proxy` accepts. */
function isProxyAddress(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address, bits, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Exported for `npm run eval:claims`, which scores what the service keeps by default. */
export const DEFAULT_CANDIDATE_FLOOR = 0.14;

/** Every setting the service reads; validated once at start. The only place that reads process.env. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The worker's /health and /metrics (0: any free port). `npm start` serves them here too, beside the api's PORT. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3001;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/claimdesk';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** How long `/admin/stats` (and `/ui/admin`) reuse an answer: at 1M claims computing it costs about a second of Postgres. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  STATS_CACHE_MS = 10_000;

  /** A streaming replica for the listing and page queries (`database/read-database.ts`); unset, they read the primary. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  /**
   * A Redis Cluster's nodes, `host:port,…` (any of them: the client finds the rest). When set, the queues, rate limits
   * and the reconciler's marker live on the cluster and REDIS_URL is not used.
   */
  @IsOptional()
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'REDIS_CLUSTER_NODES must look like host:port,host:port',
  })
  REDIS_CLUSTER_NODES?: string;

  /** Names the deployment's keys; each queue hashes on its own tag within it (`{name:queue}`, see queue/queue-keys.ts). */
  @Matches(/^\{[\w-]+\}$/, { message: 'QUEUE_PREFIX must look like {name}' })
  QUEUE_PREFIX = '{claimdesk}';

  /** An admin key stored at start, for automation; `npm run cli -- keys:generate` makes one. */
  @IsOptional()
  @Matches(/^cdk_[0-9a-f]{16}_[A-Za-z0-9_-]{32,64}$/, {
    message: 'ADMIN_API_KEY must look like cdk_<16 hex>_<43 url-safe chars>',
  })
  ADMIN_API_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LEASE_SECONDS = 24 * 3600;

  /** How long a reviewer may take back their own verdict (the workbench's Undo, POST /claims/:id/undo); 0: never. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 3600)
  VERDICT_UNDO_SECONDS = 600;

  /** The pages' time zone (IANA name) for people who have not chosen their own on /ui/account. */
  @IsTimeZone()
  DESK_TIME_ZONE = 'UTC';

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RECONCILE_INTERVAL_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 4;

  /**
   * After an import, the worker matches the new fact-checks against unverified claims and against claims whose
   * verdict (or last change) is at most this many days old; 0: unverified claims only.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REMATCH_VERDICT_MAX_AGE_DAYS = 30;

  /** Extraction jobs a worker runs at once: a job mostly waits (for its thread, Postgres, Redis), so many more than the threads. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  EXTRACTION_CONCURRENCY = 16;

  /** How long a stopping process may finish its work before it exits anyway (below an orchestrator's 30 s SIGKILL). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SHUTDOWN_GRACE_MS = 25_000;

  /** Threads that extract claims (in each worker process, and in the api for claims added by hand); default: the cores. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  EXTRACTION_THREADS?: number;

  /** Longer articles are refused at posting (422 article_too_long): a desk reviews articles, not books. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_ARTICLE_SENTENCES = 2000;

  /** An extraction that finds more claims than this fails the article with a reason, instead of flooding the queues. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAX_ARTICLE_CLAIMS = 1000;

  /** Default claim threshold; empty means the model's own tuned threshold. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(1)
  MIN_CHECKWORTHINESS?: number;

  /**
   * Sentences scored from here up to the claim threshold are kept as candidates (not queued; an editor may promote
   * them). 0.14: the highest floor at which claims and candidates together hold 90 % of the time-shifted validation
   * debates' check-worthy sentences (docs/extraction.md).
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(1)
  CANDIDATE_FLOOR = DEFAULT_CANDIDATE_FLOOR;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Failed authentications from one address in a window: past it a failure is answered 429 (a valid API key is still
   * served), and a password, code or link from the address is refused unchecked.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_FAILURE_LIMIT = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_FAILURE_WINDOW_SECONDS = 60;

  /**
   * The proxies (load balancers) in front of the api: addresses or CIDR blocks, comma-separated (Express's
   * `trust proxy`). A request from one of them is taken to be from the client its `X-Forwarded-For` names (and
   * `X-Forwarded-Proto` says whether it came over https). Empty: no proxy is trusted and those headers are ignored.
   */
  @Transform(toList)
  @IsArray()
  @ValidateBy(
    { name: 'isProxyAddress', validator: { validate: isProxyAddress } },
    {
      each: true,
      message:
        'TRUSTED_PROXIES lists IP addresses or CIDR blocks (10.0.0.0/8, ::1), or loopback, linklocal, uniquelocal',
    },
  )
  TRUSTED_PROXIES: string[] = [];

  /** A page session ends after this long without a request… */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_IDLE_MINUTES = 60;

  /** …and this long after sign-in, however active. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_MAX_HOURS = 12;

  /** Sign-in attempts that failed for one email (known or not) in a window before its attempts are refused unchecked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGN_IN_FAILURE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGN_IN_FAILURE_WINDOW_SECONDS = 900;

  /** Roles that must sign in with a TOTP code: people without one enrol at their next sign-in. */
  @Transform(toList)
  @IsArray()
  @ArrayUnique()
  @IsIn(PERSON_ROLES, { each: true, message: 'REQUIRE_2FA_FOR lists roles among admin, editor, reviewer' })
  REQUIRE_2FA_FOR: string[] = [];

  /** Single sign-on by OpenID Connect: on when OIDC_ISSUER is set (then the client id and secret are required). */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  OIDC_ISSUER?: string;

  @ValidateIf((env: Environment) => !!env.OIDC_ISSUER)
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_ID?: string;

  @ValidateIf((env: Environment) => !!env.OIDC_ISSUER)
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_SECRET?: string;

  /** Email domains whose people may sign in by SSO; empty: any domain the provider vouches for. */
  @Transform(toList)
  @IsArray()
  @Matches(/^[a-z0-9.-]+$/, { each: true, message: 'OIDC_ALLOWED_DOMAINS lists domains such as example.org' })
  OIDC_ALLOWED_DOMAINS: string[] = [];

  /** When set, a person the provider vouches for but the desk does not know is created with this role. */
  @IsOptional()
  @IsIn(['editor', 'reviewer'])
  OIDC_DEFAULT_ROLE?: 'editor' | 'reviewer';

  /** When the ID token's `amr` says the provider checked a second factor, the desk does not ask for its own code. */
  @Transform(({ value }) => value === undefined || value === '' || value === true || value === 'true' || value === '1')
  @IsBoolean()
  OIDC_TRUST_PROVIDER_MFA = true;

  /** 32 random bytes in base64 (`openssl rand -base64 32`): TOTP secrets are stored sealed with it. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'TOTP_ENCRYPTION_KEY is 32 bytes in base64 (openssl rand -base64 32)' })
  TOTP_ENCRYPTION_KEY?: string;

  /** When set, /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** How the service names itself in links; by default http://localhost:PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL!: string;

  /** The desk's name on its public fact-check pages and as the author of its ClaimReviews. */
  @IsString()
  @MaxLength(200)
  DESK_NAME = 'claimdesk';

  /** The desk's earlier name for DESK_NAME, read when DESK_NAME is not set. */
  @IsOptional()
  @IsString()
  ORGANIZATION_NAME?: string;

  /** By default PUBLIC_URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  ORGANIZATION_URL!: string;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  SECRET_ROTATION_OVERLAP_SECONDS = 24 * 3600;

  /** First retry delay of a failed callback; each later one doubles, with jitter, up to CALLBACK_MAX_DELAY_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  CALLBACK_RETRY_BASE_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  CALLBACK_MAX_DELAY_MS = 6 * 3600_000;

  /** With the defaults, 10 to 20 hours of retries (jitter) before a delivery is given up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  CALLBACK_MAX_ATTEMPTS = 13;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  CALLBACK_TIMEOUT_MS = 10_000;

  /** Idempotency answers are kept at least their 24-hour replay window, and deleted once older than this. */
  @Transform(toInt)
  @IsInt()
  @Min(24)
  RETENTION_IDEMPOTENCY_HOURS = 24;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RETENTION_WEBHOOK_RECEIPTS_HOURS = 7 * 24;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RETENTION_CALLBACK_ATTEMPTS_HOURS = 30 * 24;

  /** How often the worker prunes those tables. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RETENTION_SWEEP_INTERVAL_MS = 3600_000;

  /** Rows per DELETE: small statements, short locks. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  RETENTION_BATCH_SIZE = 1000;

  /** Let callbacks go to loopback and private addresses (tests, or a desk whose CMS is on its own network). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  CALLBACK_ALLOW_PRIVATE_NETWORKS = false;

  /** The mail server notifications go out through (`smtp://host:port`, `smtps://user:pass@host`); unset: no mail. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of the desk's mail. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'claimdesk <claimdesk@localhost>';

  /** How often the worker looks for mail to send. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  MAIL_POLL_MS = 2000;

  /** First delay after a mail the server did not take; each later one doubles, up to MAIL_RETRY_MAX_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_RETRY_BASE_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_RETRY_MAX_MS = 15 * 60_000;

  /** How often the worker raises `lease_expiring` notices and sends the daily digests that are due. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  NOTIFICATION_CHECK_MS = 60_000;

  /** A reviewer hears that their hold on a claim is about to lapse this long before it does. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LEASE_EXPIRING_NOTICE_SECONDS = 3600;
}

/** Values quoted in an error: keys never, URLs without their password. */
function shown(name: string, value: unknown): string {
  if (
    name === 'ADMIN_API_KEY' ||
    name === 'METRICS_TOKEN' ||
    name === 'OIDC_CLIENT_SECRET' ||
    name === 'TOTP_ENCRYPTION_KEY'
  )
    return 'a value that is not shown';
  if (typeof value === 'string' && name.endsWith('_URL')) {
    try {
      const url = new URL(value);
      if (url.password) url.password = '***';
      return JSON.stringify(url.toString());
    } catch {
      return 'a value that is not a URL';
    }
  }
  return JSON.stringify(value);
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // An empty variable means "use the default", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(
    Environment,
    { DESK_NAME: present.ORGANIZATION_NAME, ...present },
    { exposeDefaultValues: true },
  );
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')} (got ${shown(e.property, e.value)})`,
    );
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (env.WORKER_PORT !== 0 && env.WORKER_PORT === env.PORT)
    throw new Error(`Invalid configuration:\n  WORKER_PORT: must differ from PORT (both ${env.PORT})`);
  env.PUBLIC_URL = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  env.ORGANIZATION_URL ??= env.PUBLIC_URL;
  return env;
}

/** For entry points that run outside Nest (TypeORM CLI, scripts). */
export function loadEnvironment(): Environment {
  return validateEnvironment(process.env);
}
