# Run tlslite-ng's RSA decryption unit tests (the draft's test vectors, by the
# draft's author) and record every (key, ciphertext, plaintext) the tests
# decrypt with the reference implementation.
import sys, unittest, json, binascii
sys.path.insert(0, '/tmp/ir-work/tlslite-ng')
sys.path.insert(0, '/tmp/ir-work/tlslite-ng/unit_tests')
import test_tlslite_utils_rsakey as T
from tlslite.utils.rsakey import RSAKey
from tlslite.utils import python_rsakey

keys = {}
orig_parse = T.parsePEMKey
def parse(pem, **kw):
    k = orig_parse(pem, **kw)
    if kw.get('private'):
        k._pem = pem.strip() + "\n"
        keys[k.n] = k._pem
    return k
T.parsePEMKey = parse

records = []
orig_decrypt = RSAKey.decrypt
def decrypt(self, ct):
    out = orig_decrypt(self, ct)
    records.append({'n': '%x' % self.n, 'ct': binascii.hexlify(bytes(ct)).decode(),
                    'out': None if out is None else binascii.hexlify(bytes(out)).decode()})
    return out
RSAKey.decrypt = decrypt

suite = unittest.TestSuite()
loader = unittest.TestLoader()
for name in ['TestRSADecrypt', 'TestRSA2049Decrypt', 'TestRSA3072Decrypt', 'TestRSA4096Decrypt']:
    suite.addTests(loader.loadTestsFromTestCase(getattr(T, name)))
res = unittest.TextTestRunner(verbosity=1).run(suite)
if not res.wasSuccessful():
    sys.exit(1)
# dedupe, keep only decryptions under the fixed keys
seen = set(); out = []
for r in records:
    n = int(r['n'], 16)
    if n not in keys: continue
    key = (r['n'], r['ct'])
    if key in seen: continue
    seen.add(key); out.append(r)
names = {}
for n, pem in keys.items():
    names['%x' % n] = pem
json.dump({'keys': names, 'vectors': out}, open('/tmp/ir-work/vectors/draft_vectors.json', 'w'), indent=1)
print(len(out), 'vectors,', len(keys), 'keys:', sorted(n.bit_length() for n in keys))
