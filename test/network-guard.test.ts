import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

// Tests reach loopback only (scripts/network-guard.mjs): a request for any other host is handed to a
// loopback proxy that refuses it. The names here are under `.example`, which never resolves, so even
// without the guard nothing would connect; with it, the guard shows that it caught each one.
const unique = () => `guard-${crypto.randomUUID()}.example`;
const refused = () => executeServerCommand<string[], undefined>('network-guard-seen');

describe('the test browsers’ network', () => {
  it('hands a fetch for another host, HTTP or HTTPS, to the loopback guard, which refuses it', async () => {
    const host = unique();
    const plain = await fetch(`http://${host}/feed.json`).then(
      (response) => response.status,
      () => 'failed',
    );
    const secure = await fetch(`https://${host}/feed.json`).then(
      () => 'answered',
      () => 'failed',
    );
    // Plain HTTP may surface the guard's 403 (without CORS headers, as a failure).
    expect([403, 'failed']).to.include(plain);
    expect(secure).to.equal('failed');
    const seen = await refused();
    expect(seen).to.include(`${host}:80`);
    expect(seen).to.include(`${host}:443`);
  });

  it('refuses an image from another host the same way, as the feeds’ images are', async () => {
    const host = unique();
    const image = new Image();
    const settled = new Promise<string>((resolve) => {
      image.onload = () => resolve('load');
      image.onerror = () => resolve('error');
    });
    image.src = `https://img.${host}/photo.jpg`;
    expect(await settled).to.equal('error');
    expect(await refused()).to.include(`img.${host}:443`);
  });
});
