# Turns Wycheproof's testvectors_v1/{chacha20_poly1305,hmac_sha384,hmac_sha512}_test.json (the
# C2SP/wycheproof repository) into the text files wycheproof.c reads: cp.txt and
# hmac_sha{384,512}_test.txt in the directory given (default: this one).
import json, os, sys
d_in = sys.argv[1] if len(sys.argv) > 1 else '.'
d_out = sys.argv[2] if len(sys.argv) > 2 else d_in
d = json.load(open(os.path.join(d_in, 'chacha20_poly1305_test.json')))
with open(os.path.join(d_out, 'cp.txt'), 'w') as o:
    for g in d['testGroups']:
        for t in g['tests']:
            if len(t['iv']) != 24 or len(t['tag']) != 32:
                continue  # EVP_chacha20_poly1305 takes 12-byte nonces and 16-byte tags only
            o.write(' '.join([t['key'], t['iv'], t['aad'] or '-', t['msg'] or '-', t['ct'] or '-',
                              t['tag'], t['result']]) + '\n')
for f in ['hmac_sha384_test', 'hmac_sha512_test']:
    d = json.load(open(os.path.join(d_in, f + '.json')))
    with open(os.path.join(d_out, f + '.txt'), 'w') as o:
        for g in d['testGroups']:
            for t in g['tests']:
                o.write(' '.join([t['key'] or '-', t['msg'] or '-', t['tag'], str(g['tagSize']),
                                  t['result']]) + '\n')
