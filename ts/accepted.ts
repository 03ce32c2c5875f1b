/**
 * What the crate accepts for a canonical type `T`. Hand-written, not generated: it is one
 * type-level rule that holds for every type of every protocol (serde reads `null` for an `Option`
 * as unset), so it belongs to no row of the shape table.
 * @module
 */
import type { JsonValue } from './types.js';

type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

/** One object type instead of an intersection, so that TypeScript's weak-type and excess-property checks apply. */
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * What the crate accepts for `T`: optional members may also be `null` (read as absent). Free-form
 * JSON (`parameters`) is left as it is.
 */
export type Accepted<T> = T extends JsonValue[]
  ? T
  : T extends readonly (infer U)[]
    ? Accepted<U>[]
    : T extends object
      ? Flat<{ [K in OptionalKeys<T>]?: Accepted<T[K]> | null } & { [K in Exclude<keyof T, OptionalKeys<T>>]: Accepted<T[K]> }>
      : T;
