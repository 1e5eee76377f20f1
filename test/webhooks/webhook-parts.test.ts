import { Webhook } from 'standardwebhooks';
import { retryDelayMs, retryWindowPassed } from '../../src/webhooks/retry-schedule';
import { generateWebhookSecret, signWebhook, webhookHeaders } from '../../src/webhooks/webhook-signature';
import { assertPublicTarget, nonPublicKind } from '../../src/webhooks/webhook-target';

describe('nonPublicKind', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fdff:ffff::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
  ])('%s is %s', (address, kind) => {
    expect(nonPublicKind(address)).toBe(kind);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(nonPublicKind(address)).toBeUndefined();
  });
});

describe('assertPublicTarget', () => {
  const resolvesTo = (addresses: string[]) => async () => addresses;

  it('accepts a host whose every address is public', async () => {
    await expect(assertPublicTarget(new URL('https://hooks.example/x'), resolvesTo(['93.184.215.14', '2606:4700::1']))).resolves.toBeUndefined();
  });

  it('refuses a host when any one of its addresses is private', async () => {
    await expect(assertPublicTarget(new URL('https://hooks.example/x'), resolvesTo(['93.184.215.14', '10.0.0.5']))).rejects.toThrow(
      'host "hooks.example" resolves to 10.0.0.5, which is not a public address (private)',
    );
  });

  it('refuses a host that does not resolve', async () => {
    const nowhere = async () => {
      throw new Error('getaddrinfo ENOTFOUND nowhere.example');
    };
    await expect(assertPublicTarget(new URL('https://nowhere.example/x'), nowhere)).rejects.toThrow(/does not resolve/);
  });

  it('refuses a scheme other than http and https', async () => {
    await expect(assertPublicTarget(new URL('gopher://93.184.215.14/'))).rejects.toThrow('scheme "gopher" is not http or https');
  });
});

describe('signWebhook', () => {
  it('signs as Standard Webhooks does: the standardwebhooks package verifies it and signs the same', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ type: 'alert.created', timestamp: new Date().toISOString(), data: { alertId: 'alt_1' } });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders(secret, { id: 'msg_1', timestamp, body });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('msg_1', new Date(timestamp * 1000), body));
  });

  it('matches the reference example of the standardwebhooks test suite', () => {
    // Secret, id, timestamp, body and signature from the Standard Webhooks reference libraries' tests.
    const signature = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', {
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('refuses a secret without the whsec_ prefix', () => {
    expect(() => signWebhook('not-a-secret', { id: 'msg_1', timestamp: 1, body: '{}' })).toThrow(/whsec_/);
  });
});

describe('retry schedule', () => {
  const schedule = { baseMs: 5_000, maxMs: 3_600_000, retryForMs: 24 * 3_600_000 };

  it('retries first within the base, then within bounds doubling up to the maximum (full jitter)', () => {
    const highest = () => 0.999_999;
    expect(retryDelayMs(1, schedule, highest)).toBe(4_999);
    expect(retryDelayMs(2, schedule, highest)).toBe(9_999);
    expect(retryDelayMs(5, schedule, highest)).toBe(79_999);
    expect(retryDelayMs(40, schedule, highest)).toBe(3_599_996);
    expect(retryDelayMs(3, schedule, () => 0)).toBe(0);
  });

  it('keeps trying for the whole window, measured from the event', () => {
    const created = new Date('2026-12-05T00:00:00Z');
    expect(retryWindowPassed(created, new Date('2026-12-05T23:59:59Z'), schedule)).toBe(false);
    expect(retryWindowPassed(created, new Date('2026-12-06T00:00:00Z'), schedule)).toBe(true);
  });

  it('under the default schedule, a delivery that never succeeds is tried for 24 hours, then given up', () => {
    // Simulated: each attempt fails at once; the wait after it is the average of its jitter range.
    const created = new Date(0);
    let now = 0;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      if (retryWindowPassed(created, new Date(now), schedule)) break;
      now += retryDelayMs(attempts, schedule, () => 0.5);
    }
    expect(now).toBeGreaterThanOrEqual(schedule.retryForMs);
    expect(attempts).toBeGreaterThan(40);
  });
});
