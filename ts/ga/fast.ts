/**
 * The GA protocol's fast paths, as the beta ones are in ts/fast.ts and ts/fast-encode.ts: decode's
 * over every client event (docs/fast-path.md, 21, for the nested message items) and the
 * high-frequency server events, and encode's over the same client events. Each is compiled from
 * the GA table on its first call. Internal: nothing here is part of the API.
 * @module
 */
import { lazyFastEncoder } from '../fast-encode.js';
import { lazyFastDecoder } from '../fast.js';
import type { ClientEvent, ServerEvent } from './types.js';
import { GA_FAST_CLIENT, GA_FAST_SERVER } from './shapes.js';

const client = lazyFastDecoder(GA_FAST_CLIENT.types, GA_FAST_CLIENT.root);
const server = lazyFastDecoder(GA_FAST_SERVER.types, GA_FAST_SERVER.root);
const encoder = lazyFastEncoder(GA_FAST_CLIENT.types, GA_FAST_CLIENT.root);

/** A GA client event text the fast path can vouch for, or `undefined`. @internal */
export function fastDecode(text: string, maxDepth: number): ClientEvent | undefined {
  return client(text, maxDepth) as ClientEvent | undefined;
}

/** A GA server event text the fast path can vouch for, or `undefined`. @internal */
export function fastDecodeServer(text: string, maxDepth: number): ServerEvent | undefined {
  return server(text, maxDepth) as ServerEvent | undefined;
}

/** The canonical text of a GA client event object, or `undefined` when not sure. @internal */
export function fastEncode(event: unknown, maxDepth: number, maxBytes: number): string | undefined {
  return encoder(event, maxDepth, maxBytes);
}
