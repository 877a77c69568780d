// Environment values whose names look secret are kept for relaunch but never shown: every API answer, run
// history entry and audit event carries MASK in their place.

export const MASK = "••••••••";
const SECRET_NAME = /TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIAL/i;


export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

/** A value fit to show: hidden for secret-looking names, and a URL's password (a proxy's, say) removed. */
export function maskEnvValue(name: string, value: string): string {
  if (isSecretName(name)) return value === "" ? "" : MASK;
  return value.replace(/(\/\/[^/:@\s]+):[^/@\s]+@/g, `$1:${MASK}@`);
}

export function maskEnv(env: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, maskEnvValue(name, value)]));
}

/** A saved profile edited from a masked copy: masked values keep what was stored. */
export function restoreMaskedEnv(edited: Readonly<Record<string, string>>, stored: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(edited).map(([name, value]) => [name, value.includes(MASK) && stored[name] !== undefined ? stored[name]! : value]));
}

/** Names whose value is still the mask (nothing to restore it from): launching them would send the mask. */
export const maskedNames = (env: Readonly<Record<string, string>>): string[] => Object.keys(env).filter((name) => env[name]!.includes(MASK));

/** `HF_TOKEN=abc python ...` → `HF_TOKEN=•••• python ...` for values of secret-looking names in an argv or env list. */
export function maskArgvSecrets(argv: readonly string[]): string[] {
  return argv.map((arg, i) => {
    const previous = argv[i - 1];
    if (previous !== undefined && /^--(?:api-key|admin-api-key|hf-token)$/.test(previous)) return MASK;
    return arg.replace(/^(--(?:api-key|admin-api-key|hf-token)=).+$/, `$1${MASK}`);
  });
}
