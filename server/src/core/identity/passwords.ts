import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(secret: string): Promise<boolean> {
  dummyHash ??= hashSecret('sportello-dummy-secret');
  return dummyHash.then((h) => verifySecret(h, secret));
}
