set -e
cd /tmp/perf19
B=/root/.cache/node-awslc/root/build/awslc-1d423eea1fe8d553
B=/build/awslc-1d423eea1fe8d553
P=/tmp/perf19/awslc-perf
gcc -O2 -I$B/include speed.c $B/lib/libcrypto.a -lpthread -o speed-awslc-base
gcc -O2 -I$P/include speed.c $P/lib/libcrypto.a -lpthread -o speed-awslc-perf
gcc -O2 speed.c -lcrypto -o speed-openssl
SPEED_CAPS=1 ./speed-awslc-base sha512 1024 0.1; SPEED_CAPS=1 ./speed-awslc-perf sha512 1024 0.1
