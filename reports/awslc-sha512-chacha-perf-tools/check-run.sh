set -e
cd /tmp/perf19/check
P=/tmp/perf19/awslc-perf
for t in shacheck cpcheck; do
  gcc -O2 -I$P/include $t.c $P/lib/libcrypto.a -lpthread -o $t-awslc
  gcc -O2 $t.c -lcrypto -o $t-openssl
done
./shacheck-awslc > sha-awslc.txt; ./shacheck-openssl > sha-openssl.txt
cmp sha-awslc.txt sha-openssl.txt && echo "SHA-2/512 family: identical ($(wc -l < sha-awslc.txt) lines)"; grep -c PIECES sha-awslc.txt || true
./cpcheck-awslc 6000 > cp-awslc.txt; ./cpcheck-openssl 6000 > cp-openssl.txt
cmp cp-awslc.txt cp-openssl.txt && echo "ChaCha20-Poly1305: identical ($(wc -l < cp-awslc.txt) lines)"; head -2 cp-awslc.txt
