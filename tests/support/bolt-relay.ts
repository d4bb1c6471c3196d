/**
 * A TCP relay on 127.0.0.1 in front of the test Neo4j, for tests that must see or break what
 * goes over Bolt (a real Neo4j, real connections; nothing is simulated):
 *  - `sent(text)`: how many times the client sent a statement containing `text` (each try of a
 *    query is one RUN on the wire, so this counts retries, whatever the driver or our code does);
 *  - `cutAfterCommit(marker)`: on the first connection whose transaction ran a statement
 *    containing `marker`, the COMMIT is passed to Neo4j and Neo4j's answer to it is not passed
 *    back: the relay drops every connection then and refuses new ones, so the client loses its
 *    connection after Neo4j has committed (the outcome it cannot know).
 */
import net from 'node:net';

/** Bolt COMMIT: a 2-byte chunk holding an empty struct with signature 0x12, then the end marker. */
const COMMIT = Buffer.from([0x00, 0x02, 0xb0, 0x12, 0x00, 0x00]);

export interface BoltRelay {
  port: number;
  /** Statements sent so far that contain `text`. */
  sent(text: string): number;
  cutAfterCommit(marker: string): void;
  /** True once a cut has happened. */
  cut(): boolean;
  close(): Promise<void>;
}

export function boltRelay(targetUri: string): Promise<BoltRelay> {
  const target = new URL(targetUri.replace(/^[a-z+]+:/, 'http:'));
  const sockets = new Set<net.Socket>();
  const seen: string[] = [];
  let marker: string | undefined;
  let cut = false;

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (cut) return void client.destroy();
    const upstream = net.connect(Number(target.port || 7687), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    let armed = false;
    let committed = false;
    client.on('data', (chunk: Buffer) => {
      // latin1 keeps every byte; statements are UTF-8, so their texts are compared as bytes.
      seen.push(chunk.toString('latin1'));
      if (marker && chunk.toString('latin1').includes(Buffer.from(marker).toString('latin1'))) armed = true;
      if (armed && chunk.includes(COMMIT)) committed = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (committed) {
        // Neo4j has answered the COMMIT: it is committed. The client never hears it.
        cut = true;
        for (const s of sockets) s.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });

  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        sent: (text) => {
          const needle = Buffer.from(text).toString('latin1');
          return seen.reduce((n, data) => n + data.split(needle).length - 1, 0);
        },
        cutAfterCommit: (text) => {
          marker = text;
        },
        cut: () => cut,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise<void>((done) => server.close(() => done()));
        },
      }),
    ),
  );
}
