import secrets, sys, base64
def is_prime(n, r=40):
    if n < 2: return False
    for p in (2,3,5,7,11,13,17,19,23,29,31,37):
        if n % p == 0: return n == p
    d, s = n-1, 0
    while d % 2 == 0: d//=2; s+=1
    for _ in range(r):
        a = secrets.randbelow(n-3)+2
        x = pow(a,d,n)
        if x in (1,n-1): continue
        for _ in range(s-1):
            x = pow(x,2,n)
            if x == n-1: break
        else: return False
    return True
def prime(bits, e):
    while True:
        p = secrets.randbits(bits) | (3 << (bits-2)) | 1
        if is_prime(p) and (p-1) % e: return p
def der_len(n):
    if n < 128: return bytes([n])
    b = n.to_bytes((n.bit_length()+7)//8,'big'); return bytes([0x80|len(b)])+b
def der_int(x):
    b = x.to_bytes((x.bit_length()+7)//8 or 1,'big')
    if b[0] & 0x80: b = b'\0'+b
    return b'\x02'+der_len(len(b))+b
bits=int(sys.argv[1]); e=65537
while True:
    p=prime((bits+1)//2,e); q=prime(bits//2,e)
    n=p*q
    if n.bit_length()==bits and p!=q: break
import math
lam=(p-1)*(q-1)//math.gcd(p-1,q-1)
d=pow(e,-1,lam)
body=b''.join(der_int(x) for x in (0,n,e,d,p,q,d%(p-1),d%(q-1),pow(q,-1,p)))
der=b'\x30'+der_len(len(body))+body
pem='-----BEGIN RSA PRIVATE KEY-----\n'+'\n'.join(base64.b64encode(der).decode()[i:i+64] for i in range(0,len(base64.b64encode(der)),64))+'\n-----END RSA PRIVATE KEY-----\n'
sys.stdout.write(pem)
