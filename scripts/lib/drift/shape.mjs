// @ts-check
// The shape of a TypeScript client-event union, read with the TypeScript checker: for each event
// `type`, every member path (nested objects, `[]` for array elements) with whether it is required
// and, for string-literal unions, its allowed values. Used by scripts/drift.mjs on the openai npm
// package's beta realtime types and on this package's own types.
import ts from 'typescript';

/** @typedef {{ required: boolean, nullable?: boolean, integer?: boolean, values?: string[], kind: string }} Entry one member path's description (`nullable`: `null` is allowed; `integer`: Python `int`, from shape.py) */
/** @typedef {Record<string, Entry>} Paths every member path of one event type */

/**
 * @param {string} file a .ts or .d.ts file
 * @param {string} typeName the exported union of events in it
 * @returns {Record<string, Paths>} by event `type`
 */
export function shapeOf(file, typeName) {
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot load ${file}`);
  const module = checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === typeName);
  if (!symbol) throw new Error(`${typeName} not found in ${file}`);
  const union = checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  /** @type {Record<string, Paths>} */
  const events = {};
  for (const member of union.isUnion() ? union.types : [union]) {
    const typeProp = member.getProperty('type');
    if (!typeProp) continue;
    const tag = checker.getTypeOfSymbol(typeProp);
    if (!tag.isStringLiteral()) continue;
    /** @type {Paths} */
    const paths = {};
    walk(checker, member, '', paths, 0);
    events[tag.value] = paths;
  }
  return events;
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Type} type
 * @param {string} at the path of `type`
 * @param {Paths} paths
 * @param {number} depth
 */
function walk(checker, type, at, paths, depth) {
  if (depth > 6) return;
  for (const prop of checker.getPropertiesOfType(type)) {
    if (prop.name === 'type' && at === '') continue;
    const path = `${at}/${prop.name}`;
    const required = !(prop.flags & ts.SymbolFlags.Optional);
    describe(checker, checker.getTypeOfSymbol(prop), path, required, paths, depth);
  }
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Type} type
 * @param {string} path
 * @param {boolean} required
 * @param {Paths} paths
 * @param {number} depth
 */
function describe(checker, type, path, required, paths, depth) {
  const all = type.isUnion() ? type.types : [type];
  const nullable = all.some((t) => t.flags & ts.TypeFlags.Null);
  const parts = all.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  const literals = parts.filter((t) => t.isStringLiteral()).map((t) => t.value).sort();
  const objects = parts.filter((t) => t.flags & ts.TypeFlags.Object && !checker.isArrayType(t) && checker.getPropertiesOfType(t).length > 0);
  const arrays = /** @type {ts.TypeReference[]} */ (parts.filter((t) => checker.isArrayType(t)));
  const kinds = [...new Set(parts.map((t) => (t.isStringLiteral() ? 'enum' : checker.isArrayType(t) ? 'array' : t.flags & ts.TypeFlags.Object ? 'object' : checker.typeToString(checker.getBaseTypeOfLiteralType(t)))))].sort();
  merge(paths, path, { required, ...(nullable ? { nullable } : {}), kind: kinds.join('|'), ...(literals.length > 0 ? { values: literals } : {}) });
  // Free-form JSON (tool parameters) is not described below itself.
  if (depth > 6 || path.endsWith('/parameters')) return;
  for (const object of objects) walk(checker, object, path, paths, depth + 1);
  for (const array of arrays) {
    const element = checker.getTypeArguments(array)[0];
    if (element) describe(checker, element, `${path}/[]`, true, paths, depth + 1);
  }
}

/**
 * Variants of a union (turn detection, tool choice) describe the same path: merge them.
 * @param {Paths} paths
 * @param {string} path
 * @param {Entry} entry
 */
export function merge(paths, path, entry) {
  const seen = paths[path];
  if (!seen) {
    paths[path] = entry;
    return;
  }
  const kinds = new Set([...seen.kind.split('|'), ...entry.kind.split('|')].filter(Boolean));
  const values = new Set([...(seen.values ?? []), ...(entry.values ?? [])]);
  const nullable = Boolean(seen.nullable || entry.nullable);
  paths[path] = { required: seen.required && entry.required, ...(nullable ? { nullable } : {}), kind: [...kinds].sort().join('|'), ...(values.size > 0 ? { values: [...values].sort() } : {}) };
}
