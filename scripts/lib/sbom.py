#!/usr/bin/env python3
"""The SPDX 2.3 (JSON) SBOM of a node-awslc image, on stdout.

    sbom.py --image REF --variant awslc|fips|openssl --flavour min|slim --created EPOCH
            --packages FILE --repo DIR --revision REV

FILE: the Debian packages in the image, one "name version arch sha256-of-the-.deb" per line.
What it lists: the image; node (Debian's dfsg orig tarball of Node, sha256, with this
repository's patch series at REV); the crypto library linked into node (the pinned
aws-lc-sys / aws-lc-fips-sys crate, sha256, with our AWS-LC patch series for awslc; the
Debian OpenSSL packages for openssl); the JS embedded in node from Debian (undici,
cjs-module-lexer, acorn, minimatch) and amaro from npm; npm and corepack from npm (sha512);
every Debian package with files in the image (name, version, the .deb's sha256, purl).
"""
import argparse
import base64
import datetime
import json
import os
import re


def env_file(path):
    values = {}
    for line in open(path):
        m = re.match(r'^([A-Z0-9_]+)=(.*)$', line.strip())
        if m:
            values[m.group(1)] = m.group(2)
    return values


def sri_to_hex(integrity):
    algo, b64 = integrity.split('-', 1)
    return algo.upper(), base64.b64decode(b64).hex()


def spdx_id(name):
    return 'SPDXRef-' + re.sub(r'[^A-Za-z0-9.-]', '-', name)


def package(name, version, *, purl=None, checksums=(), license='NOASSERTION', comment=None,
            supplier=None, source_info=None, purpose=None):
    p = {
        'name': name,
        'SPDXID': spdx_id(f'{name}-{version}'),
        'versionInfo': version,
        'downloadLocation': 'NOASSERTION',
        'filesAnalyzed': False,
        'licenseConcluded': 'NOASSERTION',
        'licenseDeclared': license,
        'copyrightText': 'NOASSERTION',
    }
    if checksums:
        p['checksums'] = [{'algorithm': a, 'checksumValue': v} for a, v in checksums]
    if purl:
        p['externalRefs'] = [{'referenceCategory': 'PACKAGE-MANAGER', 'referenceType': 'purl',
                              'referenceLocator': purl}]
    if comment:
        p['comment'] = comment
    if supplier:
        p['supplier'] = supplier
    if source_info:
        p['sourceInfo'] = source_info
    if purpose:
        p['primaryPackagePurpose'] = purpose
    return p


def main():
    ap = argparse.ArgumentParser()
    for opt in ('image', 'variant', 'flavour', 'created', 'packages', 'repo', 'revision'):
        ap.add_argument('--' + opt, required=True)
    ap.add_argument('--node-layer')
    ap.add_argument('--embedded', default='', help='file: "name version" of Debian JS embedded in node')
    a = ap.parse_args()

    node_env = env_file(os.path.join(a.repo, 'ci/node.env'))
    image_env = env_file(os.path.join(a.repo, 'ci/image.env'))
    awslc_env = env_file(os.path.join(a.repo, 'deps-awslc/awslc.env'))
    fips_env = env_file(os.path.join(a.repo, 'deps-awslc/awslc-fips.env'))
    created = datetime.datetime.fromtimestamp(int(a.created), datetime.timezone.utc)
    tag = a.image.split(':', 1)[1]

    image = package('node-awslc', tag, purpose='CONTAINER', license='NOASSERTION',
                    comment=f'{a.image}: the {a.variant} variant, {a.flavour} flavour')
    node = package('node', node_env['NODE_VERSION'], purpose='APPLICATION', license='MIT',
                   purl=f"pkg:generic/nodejs@{node_env['NODE_VERSION']}",
                   checksums=[('SHA256', node_env['NODE_ORIG_SHA256'])],
                   source_info=f"built from Debian's dfsg orig tarball {node_env['NODE_ORIG_FILE']} "
                               f'(the checksum is the tarball\'s) with the node-awslc patch series '
                               f'patches/v22 at revision {a.revision}')
    packages = [image, node]
    relationships = [
        {'spdxElementId': 'SPDXRef-DOCUMENT', 'relationshipType': 'DESCRIBES',
         'relatedSpdxElement': image['SPDXID']},
        {'spdxElementId': image['SPDXID'], 'relationshipType': 'CONTAINS',
         'relatedSpdxElement': node['SPDXID']},
    ]

    def in_node(p):
        packages.append(p)
        relationships.append({'spdxElementId': node['SPDXID'], 'relationshipType': 'CONTAINS',
                              'relatedSpdxElement': p['SPDXID']})

    def in_image(p):
        packages.append(p)
        relationships.append({'spdxElementId': image['SPDXID'], 'relationshipType': 'CONTAINS',
                              'relatedSpdxElement': p['SPDXID']})

    aws_lc_license = 'Apache-2.0 AND ISC AND OpenSSL'
    if a.variant == 'awslc':
        in_node(package('aws-lc', awslc_env['AWSLC_VERSION'], license=aws_lc_license,
                        purl=f"pkg:cargo/{awslc_env['AWSLC_CRATE']}@{awslc_env['AWSLC_CRATE_VERSION']}",
                        checksums=[('SHA256', awslc_env['AWSLC_CRATE_SHA256'])],
                        source_info=f"the aws-lc/ tree of the {awslc_env['AWSLC_CRATE']} "
                                    f"{awslc_env['AWSLC_CRATE_VERSION']} crate (the checksum is the "
                                    f".crate file's) with the deps-awslc/patches series at revision "
                                    f'{a.revision}; linked statically'))
    elif a.variant == 'fips':
        in_node(package('aws-lc-fips', fips_env['AWSLC_FIPS_VERSION'], license=aws_lc_license,
                        purl=f"pkg:cargo/{fips_env['AWSLC_FIPS_CRATE']}@{fips_env['AWSLC_FIPS_CRATE_VERSION']}",
                        checksums=[('SHA256', fips_env['AWSLC_FIPS_CRATE_SHA256'])],
                        source_info=f"the aws-lc/ tree of the {fips_env['AWSLC_FIPS_CRATE']} "
                                    f"{fips_env['AWSLC_FIPS_CRATE_VERSION']} crate, unmodified, built as "
                                    f'a static FIPS module (the checksum is the .crate file\'s)'))
    algo, hexval = sri_to_hex(node_env['AMARO_INTEGRITY'])
    in_node(package('amaro', node_env['AMARO_VERSION'], license='MIT',
                    purl=f"pkg:npm/amaro@{node_env['AMARO_VERSION']}", checksums=[(algo, hexval)],
                    comment='embedded in node (TypeScript type stripping)'))
    if a.embedded:
        for line in open(a.embedded):
            name, version = line.split()[:2]
            in_node(package(name, version, purl=f'pkg:deb/debian/{name}@{version}?arch=all',
                            comment='JavaScript embedded in node from the Debian package'))
    for name in ('npm', 'corepack'):
        version = image_env[f'{name.upper()}_VERSION']
        algo, hexval = sri_to_hex(image_env[f'{name.upper()}_INTEGRITY'])
        in_image(package(name, version, license='Artistic-2.0' if name == 'npm' else 'MIT',
                         purl=f'pkg:npm/{name}@{version}', checksums=[(algo, hexval)],
                         comment=f'/usr/local/lib/node_modules/{name}'))
    for line in open(a.packages):
        fields = line.split()
        if len(fields) < 2:
            continue
        name, version = fields[0].split(':')[0], fields[1]
        arch = fields[2] if len(fields) > 2 else 'amd64'
        sums = [('SHA256', fields[3])] if len(fields) > 3 and re.fullmatch(r'[0-9a-f]{64}', fields[3]) else []
        in_image(package(name, version, purl=f'pkg:deb/debian/{name}@{version}?arch={arch}', checksums=sums,
                         supplier='Organization: Debian'))

    doc = {
        'spdxVersion': 'SPDX-2.3',
        'dataLicense': 'CC0-1.0',
        'SPDXID': 'SPDXRef-DOCUMENT',
        'name': a.image,
        'documentNamespace': f'urn:node-awslc:sbom:{tag}:{a.revision}',
        'creationInfo': {
            'created': created.strftime('%Y-%m-%dT%H:%M:%SZ'),
            'creators': ['Tool: node-awslc scripts/build-image.sh', 'Organization: node-awslc'],
        },
        'packages': packages,
        'relationships': relationships,
    }
    print(json.dumps(doc, indent=1, sort_keys=True))


if __name__ == '__main__':
    main()
