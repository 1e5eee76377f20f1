import net from 'node:net';

/**
 * - `forward`: a plain TCP relay;
 * - `refuse`: the network is cut: every open connection is closed and new ones are refused;
 * - `blackhole`: the network hangs: connections stay open (and new ones are accepted) but no byte gets through.
 */
export type ProxyMode = 'forward' | 'refuse' | 'blackhole';

interface Pair {
  client: net.Socket;
  upstream?: net.Socket;
  /** False once bytes were dropped: the protocol on this pair can never resume. */
  intact: boolean;
}

/** A TCP proxy on loopback that stands in for the network between the service and its database. */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly pairs = new Set<Pair>();
  private mode: ProxyMode = 'forward';

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** Listens on an ephemeral loopback port; `mode` says how it starts. */
  static async start(target: { host: string; port: number }, mode: ProxyMode = 'forward'): Promise<TcpProxy> {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const proxy = new TcpProxy(port, target);
    await proxy.setMode(mode);
    return proxy;
  }

  async setMode(mode: ProxyMode): Promise<void> {
    this.mode = mode;
    if (mode === 'refuse') {
      for (const pair of this.pairs) this.drop(pair);
      await this.stopListening();
      return;
    }
    if (mode === 'forward') {
      // Connections that lost bytes while the network hung are dead for their peers: close them.
      for (const pair of this.pairs) if (!pair.intact) this.drop(pair);
    } else {
      for (const pair of this.pairs) pair.intact = false;
    }
    await this.listen();
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) this.drop(pair);
    await this.stopListening();
  }

  private async listen(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  private async stopListening(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private accept(client: net.Socket): void {
    const pair: Pair = { client, intact: this.mode === 'forward' };
    this.pairs.add(pair);
    client.on('error', () => this.drop(pair));
    client.on('close', () => this.drop(pair));
    client.on('data', (data) => {
      if (this.mode === 'forward' && pair.intact) pair.upstream?.write(data);
    });
    if (!pair.intact) return; // blackhole: accepted, never connected onwards
    const upstream = net.connect(this.target.port, this.target.host);
    pair.upstream = upstream;
    upstream.on('error', () => this.drop(pair));
    upstream.on('close', () => this.drop(pair));
    upstream.on('data', (data) => {
      if (this.mode === 'forward' && pair.intact) client.write(data);
    });
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.upstream?.destroy();
  }
}
