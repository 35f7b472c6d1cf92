'use strict';
// privateDecrypt() with RSA_PKCS1_PADDING works, with implicit rejection: a ciphertext
// whose PKCS#1 v1.5 padding is invalid decrypts to a synthetic message derived from the
// private key and the ciphertext (draft-irtf-cfrg-rsa-guidance), byte for byte what
// OpenSSL 3.2+ returns, and never to an error. Without implicit rejection in the library
// Node refuses the padding (ERR_INVALID_ARG_VALUE, the CVE-2023-46809 guard).
const common = require('../common');
if (!common.hasCrypto)
  common.skip('missing crypto');

const assert = require('assert');
const crypto = require('crypto');

const { RSA_PKCS1_PADDING } = crypto.constants;

// The 2048-bit key of the draft's test vectors.
const pem = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDIzIOXFAmNpWyq
I2QPk9yJl8FjcpaPwbDG31ETwclOiyHkitIpfmVBkBG05tj15zsbeLJXQAMh0e9r
YC1OyM6NFByUkF60rTBmOaSSBlNLbn8mB0I+l9/9EzyI1yE5ne+8fpbM3L1/Oq4f
6JJxK/tJKYF9URZmRAofrLeiCPXqFlkQrdij8tSXICNgzLYyAk8NBxacGRjzFveU
sUOu9U7IdSKkwCl4+WiZgL/79knDB+gYGb/4hAljjUi9lL4VK1n/ZJ+gvWKdD/oY
E8Or9LVr08LqVGXf+hRYkpKp2KJK0mvn7gUQdBtjgtQ8g9W/pApGYT0GK+RFUX28
rwy04adpAgMBAAECggEAFFUBDg8tWHZjpmam/xzNu/Dt2BAGRtAqAjkikImSxK05
5VZZKXJu9lCMOnEVjvC2/3UdOdB1gLstLwYyEEQtBgP/UNu9ezX+LJuxmkehr4Wk
wkkB4CyotYt5GbIO3zKqz79RrbS8S2G5t+loyqTVcPcO8Y2AYyKIk+R9Q578p5Ml
m88s0Qij2GiM3weOeseZlp8jOdLB9SK5aWhGKakzuq7CaBYl6rhPTlb0RH6diPua
GZz3ECPg4lexREGzPITTvGfKgDHSYSYYEDp6CkCEQmL3XYiQzWFuUfkDVIj9bgmd
6P9tZaT/EYJUgHyfWNL7uouhUdyMaL40nJd6IE4EwQKBgQD49a1rqCiTG+pFm4o/
bcBB0jSCQJwlcelj8x90hgKiVjcbOIPtRZ7PlwUmRZ7dFuBVIvWkXZR1Gy7C2vJy
x/iBalLADRgIAXFjTaiZ15cyIvUbk3YwVIaWqffYwkpZSXwe/NRVz7l+6G0rbTSX
KzMv2jA/BJmbTra1zAuzPndh3QKBgQDOei47SakLljMKEtxoK9+9+66N1twDthR6
771XV0Pw9tpNhiNQYbca/ZytLTQCXlashrD3dD6zXhrLyiN4lUJEZbcG7SIXXlcY
yMcLZwPqj2tRD5Rb5I5aNrs8PJFzK1id/AXXLYCQMZRFK9ohNIZH7HKUPxGoRuYv
rr6OtTaw/QKBgHb+FfGK4jnN8d9rRFykvGu5aNeIwhkzpPXc0oADPWcSBizAim3y
BMH70L5GMHRD5t1KZFY3VCnU4DjKJW+vHJvekcaxe3b4GZX5HEjLvrx78ONJTAg1
nk6M1qWH17ltYiH9fg+1xVdfCC7ld2l5gHGyu7SjIjgVG0cxS7ZUeQMRAoGBAJmI
SLBVSZoQCcvH0pSzax/98gIObnNkBT6U3hoADck0BYf34nJ29ozfYI11O2M3ewO2
9AhNLAJ8SziWCmIzup7Zc4t28Q6nW+RWB4v3AfZ8xrPz/cGG5kM2x2s3LoCRDsgL
CtzCPQL7muEEhqKCSAdbTqflbd/POILkUVYUcaKRAoGAZDv3RkKffYNmegZTAhNH
77/AXmNR+CGp3rtg4OzN5QBa2ensMeVY9+ksKTKOdFadfO98dMq8KzVe1AGhoJFL
Tjy7BkhOWBlgURae0UyqLvpuoETgVNJhRMwWKcVQEFWKBOEz9Et8JE2sJb+RPFe4
kO5J9UglnNY0BP72hZ3Pl1o=
-----END PRIVATE KEY-----
`;
const key = crypto.createPrivateKey(pem);
const decrypt = (ct, k = key) =>
  crypto.privateDecrypt({ key: k, padding: RSA_PKCS1_PADDING }, Buffer.from(ct, 'hex'));

// A round trip (PKCS#1 v1.5 encryption is randomized), with a KeyObject and a PEM string.
for (const msg of [Buffer.alloc(0), Buffer.from('hi'), crypto.randomBytes(245)]) {
  const ct = crypto.publicEncrypt({ key, padding: RSA_PKCS1_PADDING }, msg);
  assert.deepStrictEqual(decrypt(ct), msg);
  assert.deepStrictEqual(decrypt(ct, pem), msg);
}

// The draft's test vectors for this key (also in OpenSSL's evppkey_rsa_common.txt).
const vectors = [
  // a valid ciphertext
  {
    ct: '8bfe264e85d3bdeaa6b8851b8e3b956ee3d226fd3f69063a86880173a273d9f2' +
        '83b2eebdd1ed35f7e02d91c571981b6737d5320bd8396b0f3ad5b019daec1b0a' +
        'ab3cbbc026395f4fd14f13673f2dfc81f9b660ec26ac381e6db3299b4e460b43' +
        'fab9955df2b3cfaa20e900e19c856238fd371899c2bf2ce8c868b76754e5db3b' +
        '036533fd603746be13c10d4e3e6022ebc905d20c2a7f32b215a4cd53b3f44ca1' +
        'c327d2c2b651145821c08396c89071f665349c25e44d2733cd9305985ceef643' +
        '0c3cf57af5fa224089221218fa34737c79c446d28a94c41c96e4e92ac53fbcf3' +
        '84dea8419ea089f8784445a492c812eb0d409467f75afd7d4d1078886205a066',
    out: Buffer.from('lorem ipsum dolor sit amet').toString('hex'),
  },
  // a valid ciphertext of an empty message
  {
    ct: '443ad9c5f00a1f4e9601717d274aacc93a824cb4d99b3c6a42e2b017e52e0184' +
        '43bd77d34a80703cd9b6acf523cd3b2cd1fea31940a68fba828836f1c3ed2fef' +
        '071e95e0922ff0f47d0e81dacc13ecdeda3db6476f41e5b3f9ccfcfdf9155800' +
        '7b68ffbbe5e93bb088f1e4f0bb39bc7d8600b38930ecd00a341d8cc76955837e' +
        'fff0f0797c4b46fb1b375bba49bcdc877f39aaadb045c56b836072383eec6627' +
        'ae280ad4f9a45d6e5b4cc7cf61d42b194ff0b9c9167c621e5380d8333e3b7f20' +
        'c8d564c9ec6c2805f77c0146adea2f688a943b67ce8889f4a6353e6396d551c3' +
        '6a6dbf19359a825d14b69ccc4fd747cf14a1ca8578d7f0a67dc14b37f5e17ca3',
    out: '',
  },
  // an invalid one that decrypts to an empty synthetic message
  {
    ct: '20aaa8adbbc593a924ba1c5c7990b5c2242ae4b99d0fe636a19a4cf754edbcee' +
        '774e472fe028160ed42634f8864900cb514006da642cae6ae8c7d087caebcfa6' +
        'dad1551301e130344989a1d462d4164505f6393933450c67bc6d39d8f5160907' +
        'cabc251b737925a1cf21e5c6aa5781b7769f6a2a583d97cce008c0f8b6add5f0' +
        'b2bd80bee60237aa39bb20719fe75749f4bc4e42466ef5a861ae3a92395c7d85' +
        '8d430bfe38040f445ea93fa2958b503539800ffa5ce5f8cf51fa8171a91f36cb' +
        '4f4575e8de6b4d3f096ee140b938fd2f50ee13f0d050222e2a72b0a3069ff3a6' +
        '738e82c87090caa5aed4fcbe882c49646aa250b98f12f83c8d528113614a29e7',
    out: '',
  },
  // an invalid one that decrypts to an 11-byte synthetic message
  {
    ct: '5f02f4b1f46935c742ebe62b6f05aa0a3286aab91a49b34780adde6410ab46f7' +
        '386e05748331864ac98e1da63686e4babe3a19ed40a7f5ceefb89179596aab07' +
        'ab1015e03b8f825084dab028b6731288f2e511a4b314b6ea3997d2e8fe2825ce' +
        'f8897cbbdfb6c939d441d6e04948414bb69e682927ef8576c9a7090d4aad0e74' +
        'c520d6d5ce63a154720f00b76de8cc550b1aa14f016d63a7b6d6eaa1f7dbe9e5' +
        '0200d3159b3d099c900116bf4eba3b94204f18b1317b07529751abf64a26b0a0' +
        'bf1c8ce757333b3d673211b67cc0653f2fe2620d57c8b6ee574a0323a167eab1' +
        '106d9bc7fd90d415be5f1e9891a0e6c709f4fc0404e8226f8477b4e939b36eb2',
    out: 'af9ac70191c92413cb9f2d',
  },
  // a valid message with a wrong first byte (01 instead of 00)
  {
    ct: '9b2ec9c0c917c98f1ad3d0119aec6be51ae3106e9af1914d48600ab6a2c0c0c8' +
        'ae02a2dc3039906ff3aac904af32ec798fd65f3ad1afa2e69400e7c1de81f572' +
        '8f3b3291f38263bc7a90a0563e43ce7a0d4ee9c0d8a716621ca5d3d081188769' +
        'ce1b131af7d35b13dea99153579c86db31fe07d5a2c14d621b77854e48a8df41' +
        'b5798563af489a291e417b6a334c63222627376118c02c53b6e86310f728734f' +
        'fc86ef9d7c8bf56c0c841b24b82b59f51aee4526ba1c4268506d301e4ebc498c' +
        '6aebb6fd5258c876bf900bac8ca4d309dd522f6a6343599a8bc3760f422c10c7' +
        '2d0ad527ce4af1874124ace3d99bb74db8d69d2528db22c3a37644640f95c05f',
    out: 'a1f8c9255c35cfba403ccc',
  },
  // a valid message with a wrong second byte (01 instead of 02)
  {
    ct: '782c2b59a21a511243820acedd567c136f6d3090c115232a82a5efb0b178285f' +
        '55b5ec2d2bac96bf00d6592ea7cdc3341610c8fb07e527e5e2d20cfaf2c7f23e' +
        '375431f45e998929a02f25fd95354c33838090bca838502259e92d86d568bc2c' +
        'db132fab2a399593ca60a015dc2bb1afcd64fef8a3834e17e5358d822980dc44' +
        '6e845b3ab4702b1ee41fe5db716d92348d5091c15d35a110555a35deb4650a5a' +
        '1d2c98025d42d4544f8b32aa6a5e02dc02deaed9a7313b73b49b0d4772a3768b' +
        '0ea0db5846ace6569cae677bf67fb0acf3c255dc01ec8400c963b6e49b106772' +
        '8b4e563d7e1e1515664347b92ee64db7efb5452357a02fff7fcb7437abc2e579',
    out: 'e6d700309ca0ed62452254',
  },
];
for (const { ct, out } of vectors)
  assert.strictEqual(decrypt(ct).toString('hex'), out);

// A garbage ciphertext (00 42 42 ... 42) gives what stock Node 22.20.0 (OpenSSL 3.5.2)
// gives, every time.
const garbage = '00' + '42'.repeat(255);
const expected =
  'c342d29d398dda69d33c44d6948b176a56924fa2fd44da2069d3030222f3b184' +
  '932c3aef4680f1981d1d1b05986e6d6c86fadb0af3ae901d544381ee735fe165' +
  'eb7941b4a893855497c4b8d2dd9add5b5e46a46c9d9ba66cd974a02af60b6a35' +
  'efedd0640d7481ffeb057efc90f32828dc2303ba1801fdc25043b718af48a9b4' +
  '5bd7f64509766c7726b916065033f5cc81075de6d05aea43924288a5';
assert.strictEqual(decrypt(garbage).toString('hex'), expected);
assert.strictEqual(decrypt(garbage).toString('hex'), expected);

// A ciphertext that is not below the modulus is still an error (a public check).
const n = Buffer.from(key.export({ format: 'jwk' }).n, 'base64url');
assert.throws(() => decrypt(n.toString('hex')),
              { code: 'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS' });

// A ciphertext whose leading zero bytes were left out (OpenPGP's MPIs) decrypts like the
// full-length one, with either padding, as on OpenSSL.
for (const padding of [RSA_PKCS1_PADDING, crypto.constants.RSA_PKCS1_OAEP_PADDING]) {
  const message = Buffer.from('short ciphertext');
  let ct;
  do {
    ct = crypto.publicEncrypt({ key, padding }, message);
  } while (ct[0] !== 0);
  assert.deepStrictEqual(crypto.privateDecrypt({ key, padding }, ct.subarray(1)), message);
}
