export function serve(base: string, port?: number): Promise<{ url: string; close(): Promise<void> }>;
