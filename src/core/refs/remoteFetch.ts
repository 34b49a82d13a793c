import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

export interface RemoteLimits {
  /** For the whole fetch, redirects included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_REMOTE_LIMITS: RemoteLimits = { timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 };

/**
 * Addresses a `$ref` may never reach, even when remote `$ref`s are allowed: link-local ranges,
 * where clouds serve instance metadata and credentials, and the cloud metadata addresses outside
 * them. Loopback and private ranges stay allowed: an opted-in `$ref` to a schema server on the
 * developer's machine or the company network is the common case.
 */
const FORBIDDEN_ADDRESSES = new BlockList();
FORBIDDEN_ADDRESSES.addSubnet('169.254.0.0', 16, 'ipv4');
FORBIDDEN_ADDRESSES.addSubnet('0.0.0.0', 8, 'ipv4');
FORBIDDEN_ADDRESSES.addAddress('100.100.100.200', 'ipv4');
FORBIDDEN_ADDRESSES.addSubnet('fe80::', 10, 'ipv6');
FORBIDDEN_ADDRESSES.addAddress('fd00:ec2::254', 'ipv6');
FORBIDDEN_ADDRESSES.addAddress('::', 'ipv6');

/** Metadata services' host names, refused before any lookup. */
const FORBIDDEN_HOSTS = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

export class RemoteRefusedError extends Error {}

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return FORBIDDEN_ADDRESSES.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function checkHost(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RemoteRefusedError(`${url.protocol} is not http or https`);
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (FORBIDDEN_HOSTS.has(host) || isForbiddenAddress(host))
    throw new RemoteRefusedError(`${url.host} is a link-local or cloud metadata address`);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup that refuses forbidden addresses: the check applies to the address actually connected to. */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((entry) => isForbiddenAddress(entry.address));
    if (bad !== undefined)
      return callback(new RemoteRefusedError(`${hostname} resolves to ${bad.address}, a link-local or cloud metadata address`), []);
    if (options.all === true) return callback(null, addresses);
    const first = addresses[0];
    if (first === undefined) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

function get(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
  const options: RequestOptions = {
    method: 'GET',
    signal,
    lookup: guardedLookup as RequestOptions['lookup'],
    headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
  };
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, resolve);
    request.on('error', reject);
    request.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(response.headers['content-length'] ?? '0');
  if (declared > maxBytes) {
    response.destroy();
    throw new Error(`larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw new Error(`larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Fetches the text of a remote `$ref`: http(s) only, at most `maxRedirects` redirects, each hop
 * checked, never to a link-local or metadata address, within `timeoutMs` and `maxBytes`.
 * Errors are one line, without the URL (the caller names it).
 */
export async function fetchRemoteText(href: string, limits: RemoteLimits = DEFAULT_REMOTE_LIMITS): Promise<string> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = new URL(href);
  try {
    for (let redirects = 0; ; redirects++) {
      checkHost(url);
      const response = await get(url, signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location !== undefined) {
        response.resume();
        if (redirects >= limits.maxRedirects) throw new Error(`more than ${limits.maxRedirects} redirects`);
        url = new URL(response.headers.location, url);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new Error(`HTTP ${status}`);
      }
      return await readBody(response, limits.maxBytes);
    }
  } catch (error) {
    if (signal.aborted) throw new Error(`no answer within ${limits.timeoutMs} ms`);
    if (error instanceof RemoteRefusedError) throw new RemoteRefusedError(`refused: ${error.message}`);
    throw error;
  }
}
