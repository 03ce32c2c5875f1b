export const NPM_OPENAI: string;
export const PY_OPENAI: string;
export function drift(): Promise<string>;
