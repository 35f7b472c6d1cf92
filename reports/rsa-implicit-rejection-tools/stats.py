import glob, hashlib, os, collections
keys=['gen1024','gen1025','gen2048','draft2048','gen2049','draft2049','gen3072','draft3072','gen4096','draft4096']
tot_inputs=0; tot_lines=0; all_same=True
print('| key | bits | inputs | of which garbage | synthetic results (evp) | synthetic length min/mean/max (k-11) | OpenSSL vs AWS-LC |')
print('|---|---|---|---|---|---|---|')
for k in keys:
    a='/tmp/ir-work/cmp/out/gen-openssl-%s.txt'%k; b='/tmp/ir-work/cmp/out/gen-awslc-%s.txt'%k
    if not (os.path.exists(a) and os.path.exists(b)): continue
    A=open(a,'rb').read(); B=open(b,'rb').read()
    same = A==B; all_same &= same
    lines=B.decode().splitlines(); tot_lines+=len(lines)
    inputs=len(lines)//3; tot_inputs+=inputs
    garbage=sum(1 for l in lines if l.split()[1]=='garbage' and l.split()[3]=='evp')
    synth=[len(l.split()[5])//2 if len(l.split())>5 else 0 for l in lines if l.split()[3]=='evp' and l.split()[4]=='ok' and l.split()[1] not in ('valid','valid-max','valid-empty')]
    kbytes={'gen1024':128,'gen1025':129,'gen2048':256,'draft2048':256,'gen2049':257,'draft2049':257,'gen3072':384,'draft3072':384,'gen4096':512,'draft4096':512}[k]
    bits={'gen1024':1024,'gen1025':1025,'gen2048':2048,'draft2048':2048,'gen2049':2049,'draft2049':2049,'gen3072':3072,'draft3072':3072,'gen4096':4096,'draft4096':4096}[k]
    print('| %s | %d | %d | %d | %d | %d / %.1f / %d (%d) | %s |'%(k,bits,inputs,garbage,len(synth),min(synth),sum(synth)/len(synth),max(synth),kbytes-11,'identical (%d lines)'%len(lines) if same else 'DIFFER'))
print('total inputs', tot_inputs, 'lines', tot_lines, 'all identical', all_same)
