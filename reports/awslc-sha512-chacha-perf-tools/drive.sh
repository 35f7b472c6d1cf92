#!/bin/sh
# drive.sh ROUNDS SECS "bin1 bin2 ..." "test:size test:size ..."  -> raw lines "bin test size MiB/s"
# Each round runs every test on every binary, the binary order rotating per round.
rounds=$1 secs=$2 bins=$3 tests=$4
r=0
while [ $r -lt $rounds ]; do
  for ts in $tests; do
    t=${ts%%:*} s=${ts#*:}
    set -- $bins
    if [ $((r % 2)) = 1 ]; then order=$(echo $bins | tr ' ' '\n' | tac | tr '\n' ' '); else order=$bins; fi
    for b in $order; do
      printf '%s ' "$b"; ./$b $t $s $secs
    done
  done
  r=$((r+1))
done
