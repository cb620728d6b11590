/** Tests: validates a pain.001.001.03 file against the schema kept in xsd/ (see its header). */
import { readFile } from 'node:fs/promises';
import { validateXML } from 'xmllint-wasm';

let schema: Promise<string> | undefined;

export async function validatePain001(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  schema ??= readFile(new URL('./xsd/pain.001.001.03.xsd', import.meta.url), 'utf8');
  const result = await validateXML({ xml: [{ fileName: 'pain001.xml', contents: xml }], schema: [await schema] });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}
