import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { DomainError, ErrorCode } from '@sro/common';
import { S3DocumentStorage } from '@sro/cases';

/** moto's S3-compatible server (PyPI `moto[server]`), when this machine has it. */
const MOTO = spawnSync('python3', ['-c', 'import moto.server, flask, flask_cors'], { encoding: 'utf8' }).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The S3 adapter against a real S3-compatible server (moto). moto accepts the requests without
 * checking their SigV4 signature, so this proves paths, methods, bodies and status handling, not the
 * signature (which tests/unit/case-documents.spec.ts pins to its form only).
 */
(MOTO ? describe : describe.skip)('S3DocumentStorage against moto (S3-compatible)', () => {
  let moto: ChildProcess;
  let endpoint: string;
  const bucket = 'sro-documents';

  beforeAll(async () => {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    for (let i = 0; i < 100; i += 1) {
      const up = await fetch(`${endpoint}/`).then(
        () => true,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await fetch(`${endpoint}/${bucket}`, { method: 'PUT' })).ok).toBe(true);
  }, 60_000);
  afterAll(() => {
    moto?.kill();
  });

  it('stores, returns and removes the sealed bytes under the case/document key, and reports a missing object as NotFound', async () => {
    const storage = new S3DocumentStorage({ endpoint, bucket, region: 'eu-central-1', accessKeyId: 'test', secretAccessKey: 'test' });
    const key = `${randomUUID()}/${randomUUID()}`;
    const sealed = [Buffer.from('SRODOC1\n'), randomBytes(200_000), randomBytes(70_000)];
    await storage.put(key, sealed);
    // The object sits where an operator would look for it: <bucket>/<case>/<document> (signed request; the bucket is private).
    const raw = await storage.send('GET', key);
    expect(raw.status).toBe(200);
    expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.concat(sealed))).toBe(true);
    expect((await fetch(`${endpoint}/${bucket}/${key}`)).status).toBe(403);
    expect((await buffer(await storage.get(key))).equals(Buffer.concat(sealed))).toBe(true);
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toEqual(expect.objectContaining({ code: ErrorCode.NotFound }));
    await expect(storage.get(key)).rejects.toBeInstanceOf(DomainError);
  });
});
