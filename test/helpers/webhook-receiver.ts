import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedCallback {
  webhookId: string;
  timestamp: number;
  /** Whether the signature verified with the endpoint's secret (standardwebhooks, as an integrator would). */
  verified: boolean;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  answered: number;
}

/**
 * A real HTTP receiver of claimdesk callbacks, on a local port. It verifies each request with the
 * `standardwebhooks` library and answers what `answer` says: e.g. 500 for the first tries, then 204.
 */
export class WebhookReceiver {
  readonly received: ReceivedCallback[] = [];
  secret: string | null = null;
  answer: (webhookId: string, attempt: number) => number = () => 204;
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = req.headers as Record<string, string>;
        let verified: boolean;
        try {
          new Webhook(this.secret!).verify(body, headers);
          verified = true;
        } catch {
          verified = false;
        }
        const webhookId = headers['webhook-id'];
        const attempt = this.received.filter((r) => r.webhookId === webhookId).length + 1;
        const answered = verified ? this.answer(webhookId, attempt) : 401;
        this.received.push({
          webhookId,
          timestamp: Number(headers['webhook-timestamp']),
          verified,
          payload: JSON.parse(body),
          answered,
        });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/callbacks`;
  }

  ofType(type: string): ReceivedCallback[] {
    return this.received.filter((r) => r.payload.type === type);
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server?.close(done));
  }
}
