// A real OpenID provider (oidc-provider, with its development sign-in pages) on a loopback port, for the SSO test.
// Env: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, ACCOUNTS (JSON: login -> { email, email_verified, name, amr? }).
// An account's `amr` is what the provider says it checked at sign-in (the ID token's `amr`), as a provider with MFA would.
import Provider from 'oidc-provider';

const accounts = JSON.parse(process.env.ACCOUNTS ?? '{}');
const issuer = `http://127.0.0.1:${process.env.PORT}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uris: [process.env.REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  // amr is in the ID token only when a scope lists it (real providers with MFA send it).
  claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
  cookies: { keys: ['claimdesk-test-provider-cookie-key'] },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    const { amr: _amr, ...claims } = account;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
});
// The development sign-in page finishes with the account alone; the account's methods go into the session's amr.
const finishInteraction = provider.interactionFinished.bind(provider);
provider.interactionFinished = (req, res, result, options) => {
  const amr = result.login && accounts[result.login.accountId]?.amr;
  return finishInteraction(req, res, amr ? { ...result, login: { ...result.login, amr } } : result, options);
};
provider.proxy = false;
provider.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`ready ${issuer}`));
