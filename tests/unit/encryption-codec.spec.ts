import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { parseKeyRing } from '@sro/config';
import { ENCRYPTED_ENCODING, EncryptionCodec } from '@sro/temporal';

const ring = (...ids: string[]) => parseKeyRing(ids.map((id) => `${id}:${randomBytes(32).toString('base64')}`).join(','));

describe('EncryptionCodec', () => {
  const plain = defaultPayloadConverter.toPayload({ name: 'Erika Mustermann', born: '2015-03-01' })!;

  it('encrypts so that no plaintext remains and decrypts back to the same payload', async () => {
    const codec = new EncryptionCodec(ring('k1'));
    const [encoded] = await codec.encode([plain]);
    expect(Buffer.from(encoded.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(encoded.data!).toString('latin1')).not.toContain('Mustermann');
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ name: 'Erika Mustermann', born: '2015-03-01' });
  });

  it('uses a fresh IV each time', async () => {
    const codec = new EncryptionCodec(ring('k1'));
    const [a, b] = await codec.encode([plain, plain]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('still decodes payloads of a retired key after rotation', async () => {
    const old = ring('k1');
    const [encoded] = await new EncryptionCodec(old).encode([plain]);
    const rotated = parseKeyRing(`k2:${randomBytes(32).toString('base64')},k1:${old.keys.get('k1')!.toString('base64')}`);
    const codec = new EncryptionCodec(rotated);
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ name: 'Erika Mustermann', born: '2015-03-01' });
    const [fresh] = await codec.encode([plain]);
    expect(Buffer.from(fresh.metadata!['encryption-key-id']!).toString()).toBe('k2');
  });

  it('refuses a tampered payload and an unknown key id', async () => {
    const codec = new EncryptionCodec(ring('k1'));
    const [encoded] = await codec.encode([plain]);
    const data = Buffer.from(encoded.data!);
    data[20] ^= 0xff;
    await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow();
    await expect(new EncryptionCodec(ring('other')).decode([encoded])).rejects.toThrow(/No payload key with id k1/);
  });

  it('passes unencrypted payloads through on decode', async () => {
    const [decoded] = await new EncryptionCodec(ring('k1')).decode([plain]);
    expect(decoded).toBe(plain);
  });
});
