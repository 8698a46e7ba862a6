import { Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';
import { ApiError } from '../common/api-error';
import { PeopleRepository } from './people.repository';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp';
import { TotpSecretBox } from './totp-secret-box';

export interface TotpOffer {
  secret: string;
  uri: string;
  /** The URI as a QR code, a data: URL the page shows as an image (the CSP allows data: images). */
  qrCode: string;
}

/** Setting up a TOTP app: a secret is offered, and takes effect once a code from the app proves it was saved. */
@Injectable()
export class TotpEnrolmentService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly secrets: TotpSecretBox,
  ) {}

  /** The pending secret (a new one unless one is waiting), or null when TOTP is already on. */
  async offer(userId: string): Promise<TotpOffer | null> {
    const user = await this.people.byId(userId);
    if (!user) throw ApiError.notFound('Person', userId);
    if (user.totpEnabledAt) return null;
    const pending = user.totpSecret ? this.secrets.open(userId, user.totpSecret) : null;
    const secret = pending ?? newTotpSecret();
    if (!pending) await this.people.setTotp(userId, this.secrets.seal(userId, secret), false);
    const uri = totpUri(secret, user.email);
    return { secret, uri, qrCode: await toDataURL(uri, { margin: 1, width: 220 }) };
  }

  async confirm(userId: string, code: string): Promise<void> {
    const user = await this.people.byId(userId);
    const secret = user?.totpSecret && !user.totpEnabledAt ? this.secrets.open(userId, user.totpSecret) : null;
    const step = secret ? acceptedTotpStep(secret, code, null) : null;
    if (!secret || step === null)
      throw ApiError.validation(
        { code: ['that code does not match; scan the code again and enter the current one'] },
        'That code does not match',
      );
    await this.people.setTotp(userId, this.secrets.seal(userId, secret), true);
    await this.people.useTotpStep(userId, step);
  }
}
