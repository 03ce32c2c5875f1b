/**
 * The GA protocol's two WebAssembly modules, as bridges: what its entries load (node.ts,
 * browser.ts) and its codec (core.ts) calls. Internal: nothing here is part of the API.
 * @module
 */
import * as clientGlue from '../../wasm/realtime_codec_ga.js';
import * as serverGlue from '../../wasm/realtime_codec_ga_server.js';
import { EVENT_TYPES, SERVER_EVENT_TYPES, type ClientEventType, type ServerEventType } from './types.js';
import { createBridge, type Bridge, type Glue } from '../wasm.js';

/** The GA client-event module: RealtimeClientEvent's serde code. @internal */
export const client: Bridge<ClientEventType> = createBridge(clientGlue as unknown as Glue, 'realtime_codec_ga_bg.wasm', EVENT_TYPES, 'GA client-event', 'realtime-codec/ga');

/** The GA server-event module, loaded separately: RealtimeServerEvent's serde code. @internal */
export const server: Bridge<ServerEventType> = createBridge(serverGlue as unknown as Glue, 'realtime_codec_ga_server_bg.wasm', SERVER_EVENT_TYPES, 'GA server-event', 'realtime-codec/ga');
