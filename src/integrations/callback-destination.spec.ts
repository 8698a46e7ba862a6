import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import {
  callbackAgent,
  guardedLookup,
  isPublicAddress,
  RefusedDestinationError,
  refusedDestination,
  type Resolve,
} from './callback-destination';

/** A resolver that answers every name with these addresses, so no test asks DNS about anything. */
const resolvingTo =
  (...addresses: string[]): Resolve =>
  (_host, _options, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

describe('callback destinations', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.100.100.200',
    '0.0.0.0',
    '192.0.0.192',
    '192.0.2.1',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.7',
    '203.0.113.9',
    '192.88.99.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fd00::1',
    'fd00:ec2::254',
    'fe80::1',
    'fec0::1',
    'ff02::1',
    '100::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::7f00:1',
    '::8.8.8.8',
    '64:ff9b::7f00:1',
    '64:ff9b::10.0.0.1',
    '64:ff9b:1::8.8.8.8',
    '2002:7f00:1::1',
    '2002:a9fe:a9fe::',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:2::1',
    '2001:db8::1',
    '3fff::1',
    'not an address',
  ])('treats %s as internal', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('treats %s as public', (address) => expect(isPublicAddress(address)).toBe(true));

  it.each([
    'http://127.0.0.1:4000/hook',
    'http://[::1]/hook',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://017700000001/',
    'http://[::ffff:127.0.0.1]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[2002:a9fe:a9fe::]/',
  ])('refuses the literal address in %s without resolving anything', async (url) => {
    const resolve = jest.fn(resolvingTo('8.8.8.8'));
    expect(await refusedDestination(url, resolve)).toMatch(
      /^refused: \S+ resolves to \S+, a private or reserved address$/,
    );
    expect(resolve).not.toHaveBeenCalled();
  });

  it('refuses a name when any address it resolves to is internal, and allows public ones', async () => {
    expect(await refusedDestination('https://cms.example/hook', resolvingTo('8.8.8.8', '10.0.0.5'))).toBe(
      'refused: cms.example resolves to 10.0.0.5, a private or reserved address',
    );
    expect(await refusedDestination('https://cms.example/hook', resolvingTo('93.184.216.34'))).toBeNull();
    expect(await refusedDestination('http://localhost/hook')).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1)/,
    );
  });

  it('makes the connect-time lookup refuse what the name resolves to now', async () => {
    const lookup = guardedLookup(resolvingTo('169.254.169.254'));
    const error = await new Promise((done) => lookup('rebinding.example', { all: true }, (e) => done(e)));
    expect(error).toBeInstanceOf(RefusedDestinationError);
    expect((error as Error).message).toBe(
      'refused: rebinding.example resolves to 169.254.169.254, a private or reserved address',
    );
  });

  describe('the callback agent', () => {
    let server: Server;
    let port: number;
    let requests: string[];

    beforeAll(async () => {
      server = createServer((req, res) => {
        requests.push(req.url!);
        res.writeHead(req.url === '/moved' ? 302 : 204, req.url === '/moved' ? { location: '/elsewhere' } : {}).end();
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      port = (server.address() as AddressInfo).port;
    });
    beforeEach(() => (requests = []));
    afterAll(() => new Promise((done) => server.close(done)));

    it('refuses at connect time a name that now resolves to an internal address, before any connection', async () => {
      const agent = callbackAgent({ allowPrivateNetworks: false, resolve: resolvingTo('127.0.0.1') });
      await expect(
        request(`http://cms.example:${port}/hook`, { method: 'POST', body: '{}', dispatcher: agent }),
      ).rejects.toThrow(new RefusedDestinationError('cms.example', '127.0.0.1'));
      expect(requests).toEqual([]);
      await agent.close();
    });

    it('refuses a literal internal address, in any IPv6 form, before any connection', async () => {
      const agent = callbackAgent({ allowPrivateNetworks: false, resolve: resolvingTo('8.8.8.8') });
      await expect(
        request(`http://[::ffff:127.0.0.1]:${port}/hook`, { method: 'POST', body: '{}', dispatcher: agent }),
      ).rejects.toBeInstanceOf(RefusedDestinationError);
      expect(requests).toEqual([]);
      await agent.close();
    });

    it('does not follow a redirect: the 3xx is the answer', async () => {
      const agent = callbackAgent({ allowPrivateNetworks: true });
      const response = await request(`http://127.0.0.1:${port}/moved`, {
        method: 'POST',
        body: '{}',
        dispatcher: agent,
      });
      await response.body.dump();
      expect(response.statusCode).toBe(302);
      expect(requests).toEqual(['/moved']);
      await agent.close();
    });
  });
});
