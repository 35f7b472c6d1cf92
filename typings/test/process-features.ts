// Checked by `tsc --strict` (scripts/check-typings.sh).
import * as assert from 'node:assert';

const onAwsLc: boolean = process.features.openssl_is_awslc;
const awslcVersion: string | undefined = process.versions.awslc;
if (onAwsLc) {
  assert.strictEqual(typeof awslcVersion, 'string');
  assert.strictEqual(process.features.openssl_is_boringssl, false);
} else {
  assert.strictEqual(awslcVersion, undefined);
}
// Read-only, like the other feature flags.
type Writable<T> = { -readonly [K in keyof T]: T[K] };
const readonlyCheck: Writable<NodeJS.ProcessFeatures> extends NodeJS.ProcessFeatures ? true : never = true;
assert.ok(readonlyCheck);
