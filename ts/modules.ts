/**
 * The beta protocol's two WebAssembly modules, as bridges: what its entries load (node.ts,
 * browser.ts) and its codec (core.ts) calls. Internal: nothing here is part of the API.
 * @module
 */
import * as clientGlue from '../wasm/realtime_codec.js';
import * as serverGlue from '../wasm/realtime_codec_server.js';
import { EVENT_TYPES, SERVER_EVENT_TYPES, type ClientEventType, type ServerEventType } from './types.js';
import { createBridge, type Bridge, type Glue } from './wasm.js';

/** The beta client-event module: ClientEvent's serde code. @internal */
export const client: Bridge<ClientEventType> = createBridge(clientGlue, 'realtime_codec_bg.wasm', EVENT_TYPES, 'client-event');

/** The beta server-event module, loaded separately: ServerEvent's serde code. @internal */
export const server: Bridge<ServerEventType> = createBridge(serverGlue as unknown as Glue, 'realtime_codec_server_bg.wasm', SERVER_EVENT_TYPES, 'server-event');
