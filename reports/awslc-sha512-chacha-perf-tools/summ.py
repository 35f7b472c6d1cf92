import sys, statistics as st, collections
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.split()
    if len(p) != 4: continue
    d[(p[1], int(p[2]), p[0])].append(float(p[3]))
ref = sys.argv[2] if len(sys.argv) > 2 else 'speed-openssl'
keys = sorted({(t, s) for t, s, b in d})
bins = sorted({b for t, s, b in d})
print('%-10s %8s ' % ('test', 'chunk') + ' '.join('%22s' % b for b in bins))
for t, s in keys:
    row = []
    r = d.get((t, s, ref))
    for b in bins:
        v = d.get((t, s, b))
        if not v: row.append('%22s' % '-'); continue
        m = st.median(v)
        rat = ''
        if r and b != ref: rat = ' (%.2fx)' % (m / st.median(r))
        row.append('%22s' % ('%.0f [%.0f-%.0f]%s' % (m, min(v), max(v), rat)))
    print('%-10s %8d ' % (t, s) + ' '.join(row))
