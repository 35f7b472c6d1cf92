// Type test for the FIPS APIs (checked by scripts/check-typings.sh, not run).
import * as crypto from "node:crypto";
import * as tls from "node:tls";

const indicator: crypto.FipsIndicator | undefined = crypto.getFipsIndicator();
if (indicator !== undefined) {
    const total: number = indicator.approved + indicator.unapproved;
    for (const s of indicator.services) {
        const line: string = `${s.service} ${s.algorithm}: ${s.approved}/${s.unapproved}`;
        console.log(line, total);
    }
}
// @ts-expect-error the indicator may be absent (a build without a FIPS module)
const always: crypto.FipsIndicator = crypto.getFipsIndicator();
void always;

const fipsVersion: string | undefined = process.versions.awslc_fips;
void fipsVersion;

const status: tls.KtlsStatus = tls.getKtlsStatus();
const why: string | null = status.reason;
if (!status.available) console.log(`kTLS unavailable: ${why}`);
