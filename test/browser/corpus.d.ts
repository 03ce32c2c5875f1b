export function runCorpus(codec: unknown, inputs: string[], direction: 'client' | 'server'): unknown[];
export type Probed = { value: unknown } | { threw: { name?: string; code?: string; message?: string } };
export function probe(codec: unknown, direction: 'client' | 'server'): Record<string, Probed>;
