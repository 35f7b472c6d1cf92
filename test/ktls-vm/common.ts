// Shared by the kTLS VM tests (run inside the guest by scripts/ktls-vm-test.sh).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throw-away self-signed P-256 certificate for CN=localhost, made by the guest's openssl:
// the PEM files (for openssl s_server/s_client) and their contents.
export function selfSignedP256(prefix: string):
    { keyFile: string; certFile: string; key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256',
                           '-nodes', '-subj', '/CN=localhost', '-days', '1',
                           '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  return { keyFile, certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

// The kernel's kTLS counters, /proc/net/tls_stat: { TlsTxSw: n, TlsRxRekeyOk: n, ... }.
export function tlsStat(): Record<string, number> {
  const stat: Record<string, number> = {};
  for (const line of readFileSync('/proc/net/tls_stat', 'latin1').split('\n')) {
    const [name, value] = line.trim().split(/\s+/);
    if (name) stat[name] = Number(value);
  }
  return stat;
}
