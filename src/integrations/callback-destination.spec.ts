import { isPublicAddress, refusedDestination } from './callback-destination';

describe('callback destinations', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])(
    'treats %s as internal',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('treats %s as public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses URLs that name or resolve to internal addresses, and allows public ones', async () => {
    expect(await refusedDestination('http://127.0.0.1:4000/hook')).toMatch(/refused: 127.0.0.1/);
    expect(await refusedDestination('http://[::1]/hook')).toMatch(/refused/);
    expect(await refusedDestination('http://localhost/hook')).toMatch(/refused: localhost/);
    expect(await refusedDestination('https://93.184.216.34/hook')).toBeNull();
  });
});
