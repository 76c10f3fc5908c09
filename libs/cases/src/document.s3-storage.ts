import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError, ErrorCode } from '@sro/common';
import { checkedStorageKey, DocumentStorage } from './document.storage';

/** Where an S3-compatible store is reached and with which credentials (DOCUMENT_S3_*). */
export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * An S3-compatible object store (AWS S3, MinIO, Ceph RGW, …) with path-style requests signed by
 * AWS Signature Version 4; it holds the sealed form only. Untested against a real server (see README).
 */
export class S3DocumentStorage extends DocumentStorage {
  constructor(
    private readonly settings: S3Settings,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  async put(key: string, body: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk);
    const res = await this.send('PUT', key, Buffer.concat(chunks));
    if (!res.ok) throw this.failure('PUT', res.status);
  }

  async get(key: string): Promise<Readable> {
    const res = await this.send('GET', key);
    if (res.status === 404) throw DomainError.notFound('Das Dokument');
    if (!res.ok || !res.body) throw this.failure('GET', res.status);
    return Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw this.failure('DELETE', res.status);
  }

  /** One signed request (SigV4, payload hash signed). */
  async send(method: 'GET' | 'PUT' | 'DELETE', key: string, body?: Buffer): Promise<Response> {
    const { url, headers } = this.sign(method, key, body ?? Buffer.alloc(0));
    return fetch(url, { method, headers, body: body && new Uint8Array(body) });
  }

  /** The URL and headers of a signed request (exported for a unit test of the signature). */
  sign(method: string, key: string, body: Buffer): { url: string; headers: Record<string, string> } {
    const { endpoint, bucket, region, accessKeyId, secretAccessKey } = this.settings;
    const base = new URL(endpoint);
    const path = `${base.pathname.replace(/\/$/, '')}/${encodeURIComponent(bucket)}/${checkedStorageKey(key)
      .split('/')
      .map(encodeURIComponent)
      .join('/')}`;
    const amzDate = this.now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const payloadHash = sha256(body);
    const signedHeaders = 'host;x-amz-content-sha256;x-amz-date';
    const canonical = [
      method,
      path,
      '',
      `host:${base.host}\nx-amz-content-sha256:${payloadHash}\nx-amz-date:${amzDate}\n`,
      signedHeaders,
      payloadHash,
    ].join('\n');
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request');
    const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
    return {
      url: `${base.origin}${path}`,
      headers: {
        'x-amz-content-sha256': payloadHash,
        'x-amz-date': amzDate,
        authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
      },
    };
  }

  private failure(method: string, status: number): DomainError {
    return new DomainError(
      ErrorCode.Unavailable,
      `Der Dokumentenspeicher hat ${method} abgelehnt (HTTP ${status}); bitte versuchen Sie es später erneut.`,
    );
  }
}
