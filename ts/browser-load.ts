/**
 * What every browser entry's `init` does (browser.ts: beta, ga/browser.ts: GA), over its two
 * modules. Internal.
 * @module
 */
import type { InitOptions, WasmSource } from './codec.js';
import type { Bridge } from './wasm.js';

const loading = new Map<Bridge<string>, Promise<void>>();

/** Loads one module once; concurrent calls share the load, a failed load is tried again next time. */
function load(bridge: Bridge<string>, source: WasmSource): Promise<void> {
  if (bridge.isReady()) return Promise.resolve();
  let pending = loading.get(bridge);
  if (pending === undefined) {
    pending = bridge.instantiateAsync(source).then(
      () => {
        loading.delete(bridge);
      },
      (error: unknown) => {
        loading.delete(bridge);
        throw new Error(
          `realtime-codec: could not load the WebAssembly module ${bridge.file}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      },
    );
    loading.set(bridge, pending);
  }
  return pending;
}

/** A plain options object, as opposed to one of the source kinds (all of which have their own prototype). */
function isOptions(value: unknown): value is InitOptions {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * `init(source)` over a protocol's two bridges: `source` as the entry's `init` documents it; the
 * default of each module is what `defaults` returns (a URL beside the entry, which the entry
 * writes as a `new URL` of the file relative to its own module, so that bundlers emit that file). @internal
 */
export function initModules(
  client: Bridge<string>,
  server: Bridge<string>,
  source: WasmSource | InitOptions | undefined,
  defaults: { client: () => WasmSource; server: () => WasmSource },
): Promise<void> {
  const options: InitOptions = source === undefined ? {} : isOptions(source) ? source : { client: source, server: false };
  const pending: Promise<void>[] = [];
  if (options.client !== false) pending.push(load(client, options.client ?? defaults.client()));
  if (options.server !== false) pending.push(load(server, options.server ?? defaults.server()));
  // Wait for every load to settle before answering: a failed server load must not reject while
  // the client module is still loading (the caller would see neither ready, then the client
  // become ready later). After a rejection, whatever could load has loaded.
  return Promise.allSettled(pending).then((settled) => {
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new Error(failures.map((f) => f.message).join('; '), { cause: failures });
  });
}
