#!/bin/sh
# ndrive.sh ROUNDS "bin..." "mode:a:b ..." -> "bin mode a b value"
rounds=$1 bins=$2 tests=$3
r=0
while [ $r -lt $rounds ]; do
  for t in $tests; do
    m=$(echo $t | cut -d: -f1) a=$(echo $t | cut -d: -f2) b=$(echo $t | cut -d: -f3)
    if [ $((r % 2)) = 1 ]; then order=$(echo $bins | tr ' ' '\n' | tac | tr '\n' ' '); else order=$bins; fi
    for bin in $order; do echo "$bin $m-$a $b $(./$bin nbench.js $m $a $b)"; done
  done
  r=$((r+1))
done
